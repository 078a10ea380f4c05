using System.Text.Json;

namespace SelfLearn.Web.Manager.Goals;

/// <summary>A goal as <c>GET /api/goals/{id}</c> serves it; the formal form stays JSON so an edit sends back exactly what was shown.</summary>
public sealed record GoalView(
    string GoalId,
    string? Text,
    string Language,
    JsonElement Formal,
    string Source,
    string Status,
    int Priority,
    string StatedBy,
    DateTimeOffset StatedAt,
    string? ConfirmedBy,
    DateTimeOffset? ConfirmedAt,
    long Version,
    IReadOnlyList<GoalTransition> Transitions);

public sealed record GoalTransition(string Status, DateTimeOffset At, string By, string? Reason);
