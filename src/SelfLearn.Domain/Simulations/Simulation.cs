namespace SelfLearn.Domain.Simulations;

public static class SimulationStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";
    public const string Abandoned = "abandoned";
}

/// <summary>A variant of the run and the configuration version it ran with.</summary>
public sealed record SimulatedVariant(string Name, int ConfigVersion);

/// <summary>
/// The emulator starts playing a dataset version against an experiment's variants. Everything needed to repeat the
/// run exactly is here: dataset name, version and hash, seed, variants, concurrency. <see cref="Owner"/> is the process
/// playing it, so a later start can tell that it died mid-run; runs recorded before owners were recorded have none.
/// </summary>
public sealed record SimulationStarted(
    string SimulationId,
    string ExperimentId,
    string DeploymentId,
    IReadOnlyList<SimulatedVariant> Variants,
    string DatasetName,
    int DatasetVersion,
    string DatasetSha256,
    int? Seed,
    int Concurrency,
    string? RepeatOf,
    string By,
    SimulationOwner? Owner = null,
    bool KeepMemories = false);

/// <summary>
/// What one variant received and answered: <see cref="Requests"/> sent (failures included), dialogs (threads) completed,
/// and <see cref="PipelineRuns"/>, the run ids the MaaS returned.
/// </summary>
public sealed record VariantTally(
    string Variant,
    int Requests,
    int Scenarios,
    int Dialogs,
    int Memories,
    int Questions,
    int FollowUps,
    int PipelineRuns,
    int Abstained,
    int Failures);

/// <summary>
/// The simulation's process is gone without finishing it (killed, crashed, machine restarted): <see cref="Reason"/> says
/// which process; its users' memories were deleted (<see cref="UsersForgotten"/>) unless it was run with --keep-memories.
/// </summary>
public sealed record SimulationAbandoned(string SimulationId, string Reason, int UsersForgotten, string By);

public sealed record SimulationFinished(string SimulationId, string Status, IReadOnlyList<VariantTally> Tallies, double Seconds, string? Error);

/// <summary>
/// A simulation: what it was asked to play (<see cref="Plan"/>, as started) and how it ended; <see cref="Abandonment"/>
/// says why when its process died mid-run.
/// </summary>
public sealed record Simulation(
    string Id,
    SimulationStarted Plan,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<VariantTally> Tallies,
    double? Seconds,
    string? Error,
    long Version,
    SimulationAbandoned? Abandonment = null)
{
    public static string StreamKey(string simulationId) => $"sim:{simulationId}";

    public static Simulation Create(SimulationStarted e, DateTimeOffset at) =>
        new(StreamKey(e.SimulationId), e, SimulationStatus.Running, at, null, [], null, null, 1);

    public Simulation Apply(SimulationFinished e, DateTimeOffset at) =>
        this with { Status = e.Status, FinishedAt = at, Tallies = e.Tallies, Seconds = e.Seconds, Error = e.Error, Version = Version + 1 };

    public Simulation Apply(SimulationAbandoned e, DateTimeOffset at) =>
        this with { Status = SimulationStatus.Abandoned, FinishedAt = at, Abandonment = e, Version = Version + 1 };
}
