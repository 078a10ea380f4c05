using System.Text.Json.Serialization;

namespace SelfLearn.Domain.Experiments;

[JsonConverter(typeof(JsonStringEnumConverter<AssignmentUnit>))]
public enum AssignmentUnit
{
    [JsonStringEnumMemberName("user")] User,
    [JsonStringEnumMemberName("thread")] Thread,
}

/// <summary>A variant of an experiment, bound to a configuration version of the experiment's deployment.</summary>
public sealed record ExperimentVariant(string Name, int ConfigVersion);

public sealed record ExperimentRegistered(
    string ExperimentId,
    string DeploymentId,
    IReadOnlyList<ExperimentVariant> Variants,
    AssignmentUnit AssignmentUnit,
    string? Description,
    string By);

/// <summary>An experiment as registered; a later stage adds its design, start, evaluation and verdict.</summary>
public sealed record Experiment(
    string Id,
    string ExperimentId,
    string DeploymentId,
    IReadOnlyList<ExperimentVariant> Variants,
    AssignmentUnit AssignmentUnit,
    string? Description,
    string By,
    DateTimeOffset RegisteredAt,
    long Version)
{
    /// <summary>Experiment streams are keyed "exp:{id}" so they can never collide with deployment or factor streams.</summary>
    public static string StreamKey(string experimentId) => $"exp:{experimentId}";

    public static Experiment Create(ExperimentRegistered e, DateTimeOffset at) =>
        new(StreamKey(e.ExperimentId), e.ExperimentId, e.DeploymentId, e.Variants, e.AssignmentUnit, e.Description, e.By, at, 1);

    public ExperimentVariant? Variant(string name) => Variants.FirstOrDefault(v => v.Name == name);
}
