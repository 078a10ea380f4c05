using System.Text.Json;
using SelfLearn.Agents.Teacher.Search;

namespace SelfLearn.Agents.Tests.Teacher.Search;

/// <summary>
/// Scores a configuration with a formula instead of retrieval: per conversation a value of the parameters, averaged over
/// the conversations' questions as the offline evaluator averages. Records every call, in order.
/// </summary>
internal sealed class SyntheticEvaluator(
    IReadOnlyList<(string Id, int Questions)> conversations,
    Func<IReadOnlyDictionary<string, JsonElement>, string, double> objective,
    IReadOnlyCollection<string> reads) : ITrialEvaluator
{
    public const string Objective = "retrieval.recall@10";
    public const string Tokens = "tokens.in";

    public List<(IReadOnlyDictionary<string, JsonElement> Parameters, IReadOnlyList<string> Conversations)> Calls { get; } = [];

    public IReadOnlyList<(string Id, int Questions)> Conversations => conversations;

    public IReadOnlyList<string> Metrics { get; } = [Objective, "retrieval.ndcg@10", Tokens];

    public IReadOnlyCollection<string> Reads => reads;

    public Task<TrialScore> EvaluateAsync(IReadOnlyDictionary<string, JsonElement> parameters, IReadOnlyList<string> ids, CancellationToken ct)
    {
        Calls.Add((parameters, ids));
        var weights = ids.Select(id => conversations.Single(c => c.Id == id).Questions).ToList();
        var total = weights.Sum();
        var value = ids.Select((id, i) => objective(parameters, id) * weights[i]).Sum() / total;
        var tokens = parameters["retrieval.top_k"].GetInt32() * 10.0;
        return Task.FromResult(new TrialScore(total,
            new Dictionary<string, double> { [Objective] = value, ["retrieval.ndcg@10"] = value / 2, [Tokens] = tokens }));
    }
}
