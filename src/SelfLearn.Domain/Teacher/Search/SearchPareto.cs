using System.Text.Json;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Domain.Teacher.Search;

/// <summary>One configuration on the front: its quality (the objective) and its two costs, context tokens and retrieval latency.</summary>
public sealed record ParetoPoint(int Trial, int? Fold, IReadOnlyDictionary<string, JsonElement> Parameters, double Objective, double TokensIn, double LatencyRetrieveMs);

/// <summary>
/// The Pareto front of a search's feasible trials: quality (the objective, in its registry direction) against context
/// tokens (<c>tokens.in</c>) and retrieval latency (<c>latency.retrieve_ms</c>), both lower is better. A trial is on
/// the front unless another is at least as good on all three and better on one; equal trials all stay. Points are
/// ordered best objective first, then fewer tokens, lower latency, earlier trial. A trial without both costs cannot
/// be placed and is counted in <see cref="Unplaced"/>.
/// </summary>
public sealed record SearchPareto(
    string Id,
    string SearchId,
    string Objective,
    MetricDirection Direction,
    IReadOnlyList<ParetoPoint> Points,
    int Considered,
    int Unplaced,
    long Version)
{
    public const string TokensMetric = "tokens.in";
    public const string LatencyMetric = "latency.retrieve_ms";

    public static SearchPareto Create(SearchStarted e) =>
        new(SearchSummary.StreamKey(e.SearchId), e.SearchId, e.Objective, MetricRegistry.Get(e.Objective).Direction, [], 0, 0, 1);

    public SearchPareto Apply(SearchTrialRecorded e)
    {
        var next = this with { Version = Version + 1 };
        if (!e.Feasible || !e.FullFidelity)
            return next;
        if (!e.Metrics.TryGetValue(TokensMetric, out var tokens) || !e.Metrics.TryGetValue(LatencyMetric, out var latency))
            return next with { Unplaced = Unplaced + 1 };
        var point = new ParetoPoint(e.Number, e.Fold, e.Parameters, e.Objective, tokens, latency);
        next = next with { Considered = Considered + 1 };
        if (Points.Any(p => Dominates(p, point)))
            return next;
        return next with { Points = [.. Points.Where(p => !Dominates(point, p)).Append(point).Order(Comparer<ParetoPoint>.Create(Compare))] };
    }

    /// <summary>Events that change no point still move the version, so a rebuilt document equals the live one.</summary>
    public SearchPareto Apply(SearchCompleted _) => this with { Version = Version + 1 };

    public SearchPareto Apply(SearchAbandoned _) => this with { Version = Version + 1 };

    public bool Dominates(ParetoPoint a, ParetoPoint b)
    {
        var quality = Direction == MetricDirection.HigherIsBetter ? a.Objective.CompareTo(b.Objective) : b.Objective.CompareTo(a.Objective);
        var tokens = b.TokensIn.CompareTo(a.TokensIn);
        var latency = b.LatencyRetrieveMs.CompareTo(a.LatencyRetrieveMs);
        return quality >= 0 && tokens >= 0 && latency >= 0 && (quality > 0 || tokens > 0 || latency > 0);
    }

    private int Compare(ParetoPoint a, ParetoPoint b)
    {
        var quality = Direction == MetricDirection.HigherIsBetter ? b.Objective.CompareTo(a.Objective) : a.Objective.CompareTo(b.Objective);
        return quality != 0 ? quality
            : a.TokensIn.CompareTo(b.TokensIn) is var tokens and not 0 ? tokens
            : a.LatencyRetrieveMs.CompareTo(b.LatencyRetrieveMs) is var latency and not 0 ? latency
            : a.Trial.CompareTo(b.Trial);
    }
}
