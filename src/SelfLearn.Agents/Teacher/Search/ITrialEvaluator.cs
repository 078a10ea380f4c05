using System.Text.Json;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>A configuration's metrics on some conversations: registry names to the mean over their questions (p50 for latencies).</summary>
public sealed record TrialScore(int Questions, IReadOnlyDictionary<string, double> Metrics);

/// <summary>What a search scores configurations with: the offline evaluator, or a synthetic objective in tests.</summary>
public interface ITrialEvaluator
{
    /// <summary>The conversations it can score, in dataset order, with their question counts.</summary>
    IReadOnlyList<(string Id, int Questions)> Conversations { get; }

    /// <summary>The registry metrics every score holds.</summary>
    IReadOnlyList<string> Metrics { get; }

    /// <summary>The factor keys whose values can change a score: the default search space is the auto-zone ones among them.</summary>
    IReadOnlyCollection<string> Reads { get; }

    /// <param name="parameters">A full parameter map (base parameters with the trial's values).</param>
    /// <param name="conversations">A non-empty subset of <see cref="Conversations"/>.</param>
    Task<TrialScore> EvaluateAsync(IReadOnlyDictionary<string, JsonElement> parameters, IReadOnlyList<string> conversations, CancellationToken ct);
}
