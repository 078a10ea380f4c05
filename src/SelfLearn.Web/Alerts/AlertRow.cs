using System.Text.Json;

namespace SelfLearn.Web.Alerts;

/// <summary>One alert of GET /api/alerts.</summary>
public sealed record AlertRow(
    string AlertId, string Kind, string? DeploymentId, string Subject, string Message, JsonElement? Evidence, string RaisedBy, DateTimeOffset RaisedAt,
    string State, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? Note, long Version)
{
    /// <summary>The page that shows what the alert is about.</summary>
    public string? SubjectPage => Kind switch
    {
        "sampleRatioMismatch" or "guardBreached" => $"/experiments/{Uri.EscapeDataString(Subject)}",
        "cycleFailed" or "awaitingApproval" => $"/cycles/{Uri.EscapeDataString(Subject)}",
        "ruleFired" or "pinnedNotRolledBack" when DeploymentId is not null => $"/online?deployment={Uri.EscapeDataString(DeploymentId)}",
        _ => null,
    };
}

/// <summary>The body of POST /api/alerts/{id}/acknowledge.</summary>
public sealed record Acknowledgement(string? Note);
