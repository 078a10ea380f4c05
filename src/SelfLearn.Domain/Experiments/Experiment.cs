using System.Text.Json.Serialization;

namespace SelfLearn.Domain.Experiments;

[JsonConverter(typeof(JsonStringEnumConverter<AssignmentUnit>))]
public enum AssignmentUnit
{
    [JsonStringEnumMemberName("user")] User,
    [JsonStringEnumMemberName("thread")] Thread,
}

/// <summary>
/// A variant of an experiment, bound to a configuration version of the experiment's deployment. <see cref="Role"/> is
/// null in experiments registered before designs existed (their first variant is the baseline). <see cref="Weight"/> is
/// the variant's share of the units (normalised over the variants); null on every variant means an equal split.
/// </summary>
public sealed record ExperimentVariant(string Name, int ConfigVersion, VariantRole? Role = null, double? Weight = null);

/// <summary>
/// An experiment is registered with its design. Events stored before designs existed have no <see cref="Design"/>:
/// the default design (<see cref="ExperimentDesign.Default"/>) applies to them. The design repeats the variants and the
/// assignment unit so that it is one hashable document.
/// </summary>
public sealed record ExperimentRegistered(
    string ExperimentId,
    string DeploymentId,
    IReadOnlyList<ExperimentVariant> Variants,
    AssignmentUnit AssignmentUnit,
    string? Description,
    string By,
    ExperimentDesign? Design = null,
    string? DesignSha256 = null);

public sealed record ExperimentStarted(string ExperimentId, string? Reason, string By);

/// <summary>Ended early by a person or a rule, before its planned end.</summary>
public sealed record ExperimentStopped(string ExperimentId, string? Reason, string By);

/// <summary>Ran to its planned end; its data is what the evaluation uses.</summary>
public sealed record ExperimentCompleted(string ExperimentId, string? Reason, string By);

/// <summary>Called off: its data, if any, must not be used for a verdict.</summary>
public sealed record ExperimentAborted(string ExperimentId, string? Reason, string By);

/// <summary>One step of the lifecycle: the status entered, when, by whom and why.</summary>
public sealed record ExperimentTransition(string Status, DateTimeOffset At, string By, string? Reason);

/// <summary>An experiment: its variants, its design and the hash of it, where it is in its lifecycle and since when.</summary>
public sealed record Experiment(
    string Id,
    string ExperimentId,
    string DeploymentId,
    IReadOnlyList<ExperimentVariant> Variants,
    AssignmentUnit AssignmentUnit,
    string? Description,
    string By,
    DateTimeOffset RegisteredAt,
    long Version,
    ExperimentDesign Design,
    string DesignSha256,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<ExperimentTransition> Transitions)
{
    /// <summary>Experiment streams are keyed "exp:{id}" so they can never collide with deployment or factor streams.</summary>
    public static string StreamKey(string experimentId) => $"exp:{experimentId}";

    public static Experiment Create(ExperimentRegistered e, DateTimeOffset at)
    {
        var design = e.Design ?? ExperimentDesign.Default(e.Variants, e.AssignmentUnit);
        return new(StreamKey(e.ExperimentId), e.ExperimentId, e.DeploymentId, design.Variants, e.AssignmentUnit, e.Description, e.By, at, 1,
            design, e.DesignSha256 ?? DesignHash.Of(design), ExperimentStatus.Designed, null, null,
            [new ExperimentTransition(ExperimentStatus.Designed, at, e.By, e.Description)]);
    }

    public Experiment Apply(ExperimentStarted e, DateTimeOffset at) => Enter(ExperimentStatus.Started, at, e.By, e.Reason) with { StartedAt = at };

    public Experiment Apply(ExperimentStopped e, DateTimeOffset at) => Enter(ExperimentStatus.Stopped, at, e.By, e.Reason) with { EndedAt = at };

    public Experiment Apply(ExperimentCompleted e, DateTimeOffset at) => Enter(ExperimentStatus.Completed, at, e.By, e.Reason) with { EndedAt = at };

    public Experiment Apply(ExperimentAborted e, DateTimeOffset at) => Enter(ExperimentStatus.Aborted, at, e.By, e.Reason) with { EndedAt = at };

    public ExperimentVariant? Variant(string name) => Variants.FirstOrDefault(v => v.Name == name);

    /// <summary>Folds a stream's events as the projection does, all at one instant (for deciders' tests and replays).</summary>
    public static Experiment? Replay(IEnumerable<object> events, DateTimeOffset at) =>
        events.Aggregate((Experiment?)null, (experiment, e) => (experiment, e) switch
        {
            (null, ExperimentRegistered registered) => Create(registered, at),
            (not null, ExperimentStarted started) => experiment.Apply(started, at),
            (not null, ExperimentStopped stopped) => experiment.Apply(stopped, at),
            (not null, ExperimentCompleted completed) => experiment.Apply(completed, at),
            (not null, ExperimentAborted aborted) => experiment.Apply(aborted, at),
            _ => throw new InvalidOperationException($"{e.GetType().Name} cannot follow {experiment?.Status ?? "nothing"}."),
        });

    private Experiment Enter(string status, DateTimeOffset at, string by, string? reason) =>
        this with { Status = status, Version = Version + 1, Transitions = [.. Transitions, new ExperimentTransition(status, at, by, reason)] };
}
