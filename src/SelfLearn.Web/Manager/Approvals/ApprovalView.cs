using System.Text.Json;

namespace SelfLearn.Web.Manager.Approvals;

/// <summary>An approval as <c>GET /api/approvals/{id}</c> serves it.</summary>
public sealed record ApprovalView(
    string ApprovalId,
    string RecommendationId,
    string DeploymentId,
    int BaseVersion,
    Dictionary<string, JsonElement> Changes,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Status,
    string? DecidedBy,
    string? DecisionReason,
    DateTimeOffset? DecidedAt,
    ApprovalUse? Use,
    string? CycleId);

public sealed record ApprovalUse(string DeploymentId, int ConfigVersion, string UsedFor, string By, DateTimeOffset At);

/// <summary>The recommendation an approval decides on: its change set and the evidence behind it.</summary>
public sealed record RecommendationView(
    string RecommendationId,
    string DeploymentId,
    int BaseVersion,
    IReadOnlyList<RecommendedChange> Changes,
    Dictionary<string, string>? ExpectedEffect,
    string Reason,
    IReadOnlyList<string>? Evidence,
    IReadOnlyList<JsonElement>? RollbackConditions,
    string? ExperimentId,
    string Status,
    string By,
    DateTimeOffset RecordedAt);

public sealed record RecommendedChange(string Key, JsonElement From, JsonElement To);
