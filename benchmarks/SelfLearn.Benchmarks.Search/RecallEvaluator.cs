using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Agents.Teacher.Search;

namespace SelfLearn.Benchmarks.Search;

/// <summary>
/// The fast evaluator as a search's <see cref="ITrialEvaluator"/>: recall@10 of the Student's ranking (<see cref="OfflineEvaluator"/>),
/// remembered per configuration and conversation subset, so strategies replaying points of the precomputed grid cost no evaluation.
/// </summary>
internal sealed class RecallEvaluator(IndexedDataset dataset, int parallelism) : ITrialEvaluator
{
    public const string Objective = "retrieval.recall@10";
    private readonly ConcurrentDictionary<string, TrialScore> _scores = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Id, int Questions)> Conversations { get; } = [.. dataset.Conversations.Select(c => (c.SampleId, c.Questions.Count))];

    public IReadOnlyList<string> Metrics { get; } = [Objective];

    public IReadOnlyCollection<string> Reads => RetrievalFactorKeys.All;

    /// <summary>Evaluations actually computed (not remembered) and the time they took.</summary>
    public int Computed { get; private set; }

    public double ComputedMs { get; private set; }

    public Task<TrialScore> EvaluateAsync(IReadOnlyDictionary<string, JsonElement> parameters, IReadOnlyList<string> conversations, CancellationToken ct)
    {
        var key = JsonSerializer.Serialize(new SortedDictionary<string, JsonElement>(parameters.ToDictionary(), StringComparer.Ordinal)) + "|" + string.Join(',', conversations);
        if (_scores.TryGetValue(key, out var known))
            return Task.FromResult(known);
        var started = Stopwatch.GetTimestamp();
        var subset = dataset with { Conversations = [.. dataset.Conversations.Where(c => conversations.Contains(c.SampleId, StringComparer.Ordinal))] };
        var summary = OfflineEvaluator.Evaluate(subset, parameters, parallelism, ct);
        ComputedMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Computed++;
        var score = new TrialScore(summary.Items, new Dictionary<string, double> { [Objective] = summary.Recall[10] });
        _scores[key] = score;
        return Task.FromResult(score);
    }
}
