namespace SelfLearn.Web.Datasets;

/// <summary>The little of an experiment the simulations list needs (a row of <c>GET /api/experiments</c>).</summary>
public sealed record ExperimentRow(string ExperimentId, string Status);

/// <summary>A simulation as <c>GET /api/experiments/{id}/simulations</c> serves it.</summary>
public sealed record SimulationRow(
    SimulationPlan Plan,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<VariantTally> Tallies,
    double? Seconds,
    string? Error);

public sealed record SimulationPlan(
    string SimulationId,
    string ExperimentId,
    string DeploymentId,
    IReadOnlyList<SimulatedVariant> Variants,
    string DatasetName,
    int DatasetVersion,
    string DatasetSha256,
    int? Seed,
    int Concurrency,
    string? RepeatOf);

public sealed record SimulatedVariant(string Name, int ConfigVersion);

public sealed record VariantTally(string Variant, int Requests, int Scenarios, int Dialogs, int Memories, int Questions, int FollowUps,
    int PipelineRuns, int Abstained, int Failures);
