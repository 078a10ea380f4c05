using System.Text.Json;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Domain.Teacher.Search;

public static class SearchStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Abandoned = "abandoned";

    public static IReadOnlyList<string> All { get; } = [Running, Completed, Abandoned];
}

/// <summary>The best feasible trial so far, by the objective in its registry direction; the earliest wins a tie.</summary>
public sealed record SearchBest(int Trial, int? Fold, IReadOnlyDictionary<string, JsonElement> Parameters, double Objective, IReadOnlyDictionary<string, double> Metrics);

/// <summary>What the search ended with: its chosen configuration and the base configuration scored the same way.</summary>
public sealed record SearchResult(SearchOutcome Best, SearchOutcome Baseline, int Evaluations, double ElapsedMs);

/// <summary>
/// A search as an auditor reads it, and the state its deciders check: what was searched and how, how many trials were
/// recorded, the best feasible one so far and, once ended, the result or the reason it stopped.
/// </summary>
public sealed record SearchSummary(
    string Id,
    string SearchId,
    string Status,
    string Strategy,
    string Objective,
    MetricDirection Direction,
    IReadOnlyList<SearchConstraint> Constraints,
    IReadOnlyList<SearchFactorRange> Space,
    long Seed,
    int Budget,
    int Folds,
    SearchDataset Dataset,
    string? DeploymentId,
    int? BaseVersion,
    IReadOnlyDictionary<string, JsonElement> BaseParameters,
    string StartedBy,
    int Evaluations,
    int FeasibleEvaluations,
    SearchBest? BestSoFar,
    SearchResult? Result,
    string? AbandonReason,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? EndedAt,
    long Version)
{
    /// <summary>Keyed "search:{id}" so a search stream never collides with a deployment, factor or experiment stream.</summary>
    public static string StreamKey(string searchId) => $"search:{searchId}";

    public static SearchSummary Create(SearchStarted e, DateTimeOffset at) =>
        new(StreamKey(e.SearchId), e.SearchId, SearchStatus.Running, e.Strategy, e.Objective, MetricRegistry.Get(e.Objective).Direction, e.Constraints,
            e.Space, e.Seed, e.Budget, e.Folds, e.Dataset, e.DeploymentId, e.BaseVersion, e.BaseParameters, e.StartedBy, 0, 0, null, null, null, at, at,
            null, 1);

    public SearchSummary Apply(SearchTrialRecorded e, DateTimeOffset at)
    {
        var next = this with { Evaluations = Evaluations + 1, UpdatedAt = at, Version = Version + 1 };
        if (!e.Feasible)
            return next;
        var best = e.FullFidelity && (BestSoFar is null || Better(e.Objective, BestSoFar.Objective))
            ? new SearchBest(e.Number, e.Fold, e.Parameters, e.Objective, e.Metrics)
            : BestSoFar;
        return next with { FeasibleEvaluations = FeasibleEvaluations + 1, BestSoFar = best };
    }

    public SearchSummary Apply(SearchCompleted e, DateTimeOffset at) =>
        this with
        {
            Status = SearchStatus.Completed, Result = new SearchResult(e.Best, e.Baseline, e.Evaluations, e.ElapsedMs), UpdatedAt = at, EndedAt = at,
            Version = Version + 1,
        };

    public SearchSummary Apply(SearchAbandoned e, DateTimeOffset at) =>
        this with { Status = SearchStatus.Abandoned, AbandonReason = e.Reason, UpdatedAt = at, EndedAt = at, Version = Version + 1 };

    /// <summary>Strictly better in the objective's direction: a tie keeps the earlier trial.</summary>
    public bool Better(double objective, double than) => Direction == MetricDirection.HigherIsBetter ? objective > than : objective < than;
}
