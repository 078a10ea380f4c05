using System.Text.Json.Serialization;
using SelfLearn.Domain.Teacher.Online;

namespace SelfLearn.Agents.Teacher.Online;

[JsonConverter(typeof(JsonStringEnumConverter<DegradationAction>))]
public enum DegradationAction
{
    [JsonStringEnumMemberName("noDeployment")] NoDeployment,
    /// <summary>No version is active, or the active one came back by a rollback: rules watch activations only.</summary>
    [JsonStringEnumMemberName("notWatched")] NotWatched,
    [JsonStringEnumMemberName("nothingFired")] NothingFired,
    [JsonStringEnumMemberName("rolledBack")] RolledBack,
    /// <summary>A rule fired but another evaluator acted on this activation first (the deployment moved, or the alert exists).</summary>
    [JsonStringEnumMemberName("alreadyHandled")] AlreadyHandled,
    /// <summary>A rule fired on a pinned version: no rollback, one alert per activation and rule.</summary>
    [JsonStringEnumMemberName("pinnedAlerted")] PinnedAlerted,
    /// <summary>A rule fired but the Tuner refused the rollback (e.g. no earlier version).</summary>
    [JsonStringEnumMemberName("rollbackRefused")] RollbackRefused,
}

/// <summary>One evaluation of a deployment's rules: the activation watched, every rule's windows, and what was done.</summary>
public sealed record DegradationReport(
    string DeploymentId,
    int? Activation,
    int? ConfigVersion,
    bool Pinned,
    DegradationAction Action,
    string? Rule,
    string Detail,
    IReadOnlyList<RuleEvaluation> Rules);
