using System.Text.Json;

namespace SelfLearn.Domain.Manager.Approvals;

/// <summary>
/// A human is asked to approve one recommendation's exact change set (factor → new value) on its deployment;
/// <see cref="CycleId"/>: the learning cycle that waits for the decision, when a cycle asked.
/// </summary>
public sealed record ApprovalRequested(
    string ApprovalId,
    string RecommendationId,
    string DeploymentId,
    int BaseVersion,
    IReadOnlyDictionary<string, JsonElement> Changes,
    string Reason,
    string RequestedBy,
    string? CycleId = null);

public sealed record ApprovalGranted(string ApprovalId, string Reason, string By);

public sealed record ApprovalDeclined(string ApprovalId, string Reason, string By);

/// <summary>The approval was spent on one configuration version: its creation or its activation.</summary>
public sealed record ApprovalUsed(string ApprovalId, string DeploymentId, int ConfigVersion, string UsedFor, string By);

public static class ApprovalStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Declined = "declined";
    public const string Used = "used";

    public static IReadOnlyList<string> All { get; } = [Pending, Approved, Declined, Used];
}

public static class ApprovalUses
{
    public const string CreateVersion = "create-version";
    public const string ActivateVersion = "activate-version";
}

/// <summary>The version an approval was spent on, by whom and when.</summary>
public sealed record ApprovalUse(string DeploymentId, int ConfigVersion, string UsedFor, string By, DateTimeOffset At);

/// <summary>An approval: what it covers, where it is in its lifecycle (pending → approved | declined; approved → used, once).</summary>
public sealed record Approval(
    string Id,
    string ApprovalId,
    string RecommendationId,
    string DeploymentId,
    int BaseVersion,
    IReadOnlyDictionary<string, JsonElement> Changes,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Status,
    string? DecidedBy,
    string? DecisionReason,
    DateTimeOffset? DecidedAt,
    ApprovalUse? Use,
    long Version,
    string? CycleId = null)
{
    /// <summary>Keyed "approval:{id}" so an approval stream never collides with another kind of stream.</summary>
    public static string StreamKey(string approvalId) => $"approval:{approvalId}";

    public static Approval Create(ApprovalRequested e, DateTimeOffset at) =>
        new(StreamKey(e.ApprovalId), e.ApprovalId, e.RecommendationId, e.DeploymentId, e.BaseVersion, e.Changes, e.Reason, e.RequestedBy, at,
            ApprovalStatus.Pending, null, null, null, null, 1, e.CycleId);

    public Approval Apply(ApprovalGranted e, DateTimeOffset at) =>
        this with { Status = ApprovalStatus.Approved, DecidedBy = e.By, DecisionReason = e.Reason, DecidedAt = at, Version = Version + 1 };

    public Approval Apply(ApprovalDeclined e, DateTimeOffset at) =>
        this with { Status = ApprovalStatus.Declined, DecidedBy = e.By, DecisionReason = e.Reason, DecidedAt = at, Version = Version + 1 };

    public Approval Apply(ApprovalUsed e, DateTimeOffset at) =>
        this with { Status = ApprovalStatus.Used, Use = new ApprovalUse(e.DeploymentId, e.ConfigVersion, e.UsedFor, e.By, at), Version = Version + 1 };
}
