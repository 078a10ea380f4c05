using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Teacher.Search;

namespace SelfLearn.Benchmarks.Search;

internal sealed record OfflineIngest([property: JsonIgnore] IndexedDataset Dataset, int Conversations, int Turns, double Seconds, double TextsPerSecond);

internal sealed record OfflineResult(int Questions, LatencySummary Evaluation, double EvaluationsPerMinute, RetrievalSummary Summary);

/// <summary>The dataset ingested once in memory (cold: the embedder runs), then one warm-up and N timed evaluations of one configuration.</summary>
internal static class OfflineBench
{
    public static async Task<OfflineIngest> IngestAsync(IReadOnlyList<LocomoConversation> conversations, ITextEmbedder embedder, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var dataset = await IndexedDataset.BuildAsync(conversations, embedder, null, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var turns = conversations.Sum(c => c.Turns.Count());
        return new OfflineIngest(dataset, conversations.Count, turns, Stats.Round(elapsed.TotalSeconds, 2), Stats.PerSecond(turns + dataset.Questions, elapsed));
    }

    public static OfflineResult Evaluate(IndexedDataset dataset, IReadOnlyDictionary<string, JsonElement> config, Options options, CancellationToken ct)
    {
        var summary = OfflineEvaluator.Evaluate(dataset, config, options.Parallelism, ct);
        var times = new List<double>(options.Evaluations);
        for (var i = 0; i < options.Evaluations; i++)
        {
            var evaluation = Stopwatch.GetTimestamp();
            OfflineEvaluator.Evaluate(dataset, config, options.Parallelism, ct);
            times.Add(Stats.Milliseconds(evaluation));
        }

        var latency = LatencySummary.From(times);
        return new OfflineResult(dataset.Questions, latency, Stats.Round(60_000 / latency.P50Ms), summary);
    }
}
