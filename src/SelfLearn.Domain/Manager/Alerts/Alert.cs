using System.Text.Json;

namespace SelfLearn.Domain.Manager.Alerts;

public static class AlertStates
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
}

/// <summary>
/// An alert as the meta-user reads it: what happened (<see cref="Kind"/> by its camelCase name, the deployment, the
/// subject and the figures behind it), when, and whether someone has acknowledged it.
/// </summary>
public sealed record Alert(
    string Id,
    string AlertId,
    string Kind,
    string? DeploymentId,
    string Subject,
    string Message,
    JsonElement? Evidence,
    string RaisedBy,
    DateTimeOffset RaisedAt,
    string State,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? Note,
    long Version)
{
    public static Alert Create(AlertRaised e, DateTimeOffset at) =>
        new(AlertStreams.StreamKey(e.AlertId), e.AlertId, AlertKinds.Name(e.Kind), e.DeploymentId, e.Subject, e.Message, e.Evidence, e.By, at,
            AlertStates.Open, null, null, null, 1);

    public Alert Apply(AlertAcknowledged e, DateTimeOffset at) =>
        this with { State = AlertStates.Acknowledged, AcknowledgedBy = e.By, AcknowledgedAt = at, Note = e.Note, Version = Version + 1 };
}

/// <summary>The kinds by the names the API speaks (the <see cref="AlertKind"/> JSON names).</summary>
public static class AlertKinds
{
    private static readonly IReadOnlyDictionary<AlertKind, string> Names =
        Enum.GetValues<AlertKind>().ToDictionary(k => k, k => JsonSerializer.Serialize(k).Trim('"'));

    public static IReadOnlyList<string> All { get; } = [.. Names.Values];

    public static string Name(AlertKind kind) => Names[kind];
}
