using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Domain.Teacher.Search;

/// <summary>One searched factor: its catalog type and the range the search may draw from (the catalog's bounds, possibly narrowed).</summary>
public sealed record SearchFactorRange(string Key, FactorType Type, decimal? Min, decimal? Max, decimal? Step, IReadOnlyList<string>? AllowedValues);

/// <summary>A metric from the registry that a feasible configuration keeps within <see cref="Min"/> and/or <see cref="Max"/>.</summary>
public sealed record SearchConstraint(string Metric, double? Min, double? Max);

/// <summary>The data a search was scored on: a file's name and SHA-256, the conversations taken from it and their question count.</summary>
public sealed record SearchDataset(string Name, string Sha256, IReadOnlyList<string> Conversations, int Questions);

/// <summary>
/// A search began. The stream id is <see cref="SearchId"/>. <see cref="BaseParameters"/> are the full parameters every
/// trial starts from (the deployment's active version, catalog defaults merged); a trial overrides the searched keys.
/// </summary>
public sealed record SearchStarted(
    string SearchId,
    string Strategy,
    string Objective,
    IReadOnlyList<SearchConstraint> Constraints,
    IReadOnlyList<SearchFactorRange> Space,
    long Seed,
    int Budget,
    int Folds,
    SearchDataset Dataset,
    string? DeploymentId,
    int? BaseVersion,
    IReadOnlyDictionary<string, JsonElement> BaseParameters,
    string StartedBy);

/// <summary>
/// One evaluation of one configuration. <see cref="Fold"/> is the cross-validation fold whose training conversations
/// it was tuned on (null outside cross-validation); <see cref="Conversations"/> are the ones it was scored on (a
/// successive-halving rung may use a subset). <see cref="Parameters"/> hold the searched keys only.
/// <see cref="FullFidelity"/> is false for a trial of a lower successive-halving rung, scored on a subset of its fold's
/// training conversations: its objective is not comparable with the others', so the best so far and the Pareto front
/// leave it out.
/// </summary>
public sealed record SearchTrialRecorded(
    string SearchId,
    int Number,
    int? Fold,
    IReadOnlyList<string> Conversations,
    int Questions,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    double Objective,
    IReadOnlyDictionary<string, double> Metrics,
    bool Feasible,
    double ElapsedMs,
    bool FullFidelity = true);

/// <summary>A configuration's figures: in-sample (the conversations it was tuned on) and out of fold (those it never saw).</summary>
public sealed record SearchOutcome(IReadOnlyDictionary<string, JsonElement> Parameters, double Objective, double OutOfFold, int? Trial);

/// <summary>The search ended: the chosen configuration and the base configuration scored the same way.</summary>
public sealed record SearchCompleted(string SearchId, SearchOutcome Best, SearchOutcome Baseline, int Evaluations, double ElapsedMs);

/// <summary>The search stopped before completing (cancelled, or an evaluation failed); its trials stay on record.</summary>
public sealed record SearchAbandoned(string SearchId, string Reason);
