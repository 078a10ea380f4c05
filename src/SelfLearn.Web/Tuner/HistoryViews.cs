using System.Text.Json;

namespace SelfLearn.Web.Tuner;

/// <summary>The links every change carries: why it was made.</summary>
public sealed record ChangeLinks(
    string? GoalId, string? ExperimentId, string? RecommendationId, string? ApprovalId, string? CycleId, string? HypothesisId, string? VerdictId);

/// <summary>A validity period from <c>GET /api/deployments/{id}/activations</c>.</summary>
public sealed record ActivationView(
    int Activation, int ConfigVersion, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo, string Kind, string Reason, string By,
    ChangeLinks? Links, long Sequence, Guid EventId);

/// <summary>A version from <c>GET /api/deployments/{id}/versions</c>.</summary>
public sealed record VersionView(
    int ConfigVersion, int? ParentVersion, IReadOnlyList<FactorChange> Changes, string Reason, string Initiator, string By,
    ChangeLinks? Links, DateTimeOffset CreatedAt, long Sequence, Guid EventId);

public sealed record FactorChange(string Key, JsonElement From, JsonElement To);

/// <summary>A configuration from <c>GET /api/deployments/{id}/config</c> (active, <c>?version=</c> or <c>?asOf=</c>).</summary>
public sealed record ConfigView(
    string DeploymentId, int ConfigVersion, Dictionary<string, JsonElement> Parameters, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo,
    int? Activation, string? Source, int? PinnedVersion);

public sealed record DiffView(ConfigView From, ConfigView To, IReadOnlyList<FactorChange> Changes);

/// <summary>Why a factor has its value: <c>GET /api/deployments/{id}/why/{factor}</c>.</summary>
public sealed record WhyView(string DeploymentId, string Factor, JsonElement Value, int ActiveVersion, IReadOnlyList<WhyStep> Chain, IReadOnlyList<WhyDecision>? Decisions);

public sealed record WhyStep(
    string Event, long Sequence, Guid EventId, DateTimeOffset At, string By, string? Reason, int? ConfigVersion, JsonElement? From, JsonElement? To,
    ChangeLinks? Links, string Summary);

public sealed record WhyDecision(string Link, string Id, string Stream, string Event, long Sequence, Guid EventId, DateTimeOffset At, string? By, string? Why);
