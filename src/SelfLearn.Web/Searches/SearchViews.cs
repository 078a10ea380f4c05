using System.Text.Json;

namespace SelfLearn.Web.Searches;

/// <summary>A search's summary as <c>GET /api/searches/{id}</c> serves it.</summary>
public sealed record SearchSummary(
    string SearchId,
    string Status,
    string Strategy,
    string Objective,
    string Direction,
    List<SearchConstraint> Constraints,
    List<SearchFactorRange> Space,
    long Seed,
    int Budget,
    int Folds,
    SearchDataset Dataset,
    string? DeploymentId,
    int? BaseVersion,
    Dictionary<string, JsonElement> BaseParameters,
    string StartedBy,
    int Evaluations,
    int FeasibleEvaluations,
    SearchBest? BestSoFar,
    SearchResult? Result,
    string? AbandonReason,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? EndedAt);

public sealed record SearchConstraint(string Metric, double? Min, double? Max);

public sealed record SearchFactorRange(string Key, string Type, decimal? Min, decimal? Max, decimal? Step, List<string>? AllowedValues);

public sealed record SearchDataset(string Name, string Sha256, List<string> Conversations, int Questions);

public sealed record SearchBest(int Trial, int? Fold, Dictionary<string, JsonElement> Parameters, double Objective, Dictionary<string, double> Metrics);

public sealed record SearchResult(SearchOutcome Best, SearchOutcome Baseline, int Evaluations, double ElapsedMs);

public sealed record SearchOutcome(Dictionary<string, JsonElement> Parameters, double Objective, double OutOfFold, int? Trial);

/// <summary>One trial as <c>GET /api/searches/{id}/trials</c> serves it.</summary>
public sealed record SearchTrial(
    int Number,
    int? Fold,
    List<string> Conversations,
    int Questions,
    Dictionary<string, JsonElement> Parameters,
    double Objective,
    Dictionary<string, double> Metrics,
    bool Feasible,
    double ElapsedMs,
    bool FullFidelity,
    DateTimeOffset RecordedAt);

/// <summary>The Pareto front as <c>GET /api/searches/{id}/pareto</c> serves it.</summary>
public sealed record SearchPareto(string SearchId, string Objective, string Direction, List<ParetoPoint> Points, int Considered, int Unplaced);

public sealed record ParetoPoint(int Trial, int? Fold, Dictionary<string, JsonElement> Parameters, double Objective, double TokensIn, double LatencyRetrieveMs);
