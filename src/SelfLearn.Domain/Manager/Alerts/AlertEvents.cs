using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfLearn.Domain.Manager.Alerts;

/// <summary>What needs the meta-user's attention (docs/ALERTS.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertKind>))]
public enum AlertKind
{
    /// <summary>A degradation rule fired and the Tuner rolled the version back.</summary>
    [JsonStringEnumMemberName("ruleFired")] RuleFired,
    /// <summary>A degradation rule fired on a pinned version, which was left active.</summary>
    [JsonStringEnumMemberName("pinnedNotRolledBack")] PinnedNotRolledBack,
    /// <summary>A live experiment's window failed the sample-ratio check.</summary>
    [JsonStringEnumMemberName("sampleRatioMismatch")] SampleRatioMismatch,
    /// <summary>An experiment's verdict found a guard metric breached.</summary>
    [JsonStringEnumMemberName("guardBreached")] GuardBreached,
    [JsonStringEnumMemberName("cycleFailed")] CycleFailed,
    [JsonStringEnumMemberName("awaitingApproval")] AwaitingApproval,
}

/// <summary>
/// An alert, in its own stream <c>alert:&lt;id&gt;</c>. The raiser picks an id that names the occurrence (e.g. the rule and
/// the window that fired it), so raising the same occurrence twice is refused by the stream's existence, not duplicated.
/// <see cref="Evidence"/> holds the figures behind it, in the raiser's own camelCase shape.
/// </summary>
public sealed record AlertRaised(
    string AlertId,
    AlertKind Kind,
    string? DeploymentId,
    string Subject,
    string Message,
    JsonElement? Evidence,
    string By);

/// <summary>The meta-user has seen the alert; <see cref="Note"/> says what they did about it.</summary>
public sealed record AlertAcknowledged(string AlertId, string By, string? Note);

public static class AlertStreams
{
    public static string StreamKey(string alertId) => $"alert:{alertId}";
}
