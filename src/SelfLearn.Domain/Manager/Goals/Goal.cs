using System.Text.Json.Serialization;

namespace SelfLearn.Domain.Manager.Goals;

/// <summary>Who turned the meta-user's words into the formal goal.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GoalSource>))]
public enum GoalSource
{
    /// <summary>The deterministic phrase grammar (docs/GOALS.md).</summary>
    [JsonStringEnumMemberName("offline")] Offline,
    /// <summary>A language model, its reply schema-checked and validated like the parser's.</summary>
    [JsonStringEnumMemberName("llm")] Llm,
    /// <summary>The meta-user sent the formal goal itself.</summary>
    [JsonStringEnumMemberName("json")] Json,
}

/// <summary>A goal as the meta-user stated it (the text, null for a goal sent as JSON) and as it was formalised.</summary>
public sealed record GoalStated(string GoalId, string? Text, GoalLanguage Language, FormalGoal Formal, GoalSource Source, int Priority, string By);

/// <summary>The formal goal replaced; a confirmed goal needs a new confirmation.</summary>
public sealed record GoalEdited(string GoalId, FormalGoal Formal, string? Reason, string By);

public sealed record GoalConfirmed(string GoalId, string By);

/// <summary>A cycle started working on the goal.</summary>
public sealed record GoalActivated(string GoalId, string? CycleId, string By);

public sealed record GoalAchieved(string GoalId, string? CycleId, string? Reason, string By);

public sealed record GoalAbandoned(string GoalId, string Reason, string By);

public sealed record GoalPrioritised(string GoalId, int From, int To, string By);

/// <summary>One step of a goal's lifecycle: the status entered, when, by whom and why.</summary>
public sealed record GoalTransition(string Status, DateTimeOffset At, string By, string? Reason);

/// <summary>
/// A goal: what the meta-user said, the formal goal it became, where it is in stated → confirmed → active → achieved |
/// abandoned, its priority (1 first) and who confirmed it. The read model and the state its deciders check.
/// </summary>
public sealed record Goal(
    string Id,
    string GoalId,
    string? Text,
    GoalLanguage Language,
    FormalGoal Formal,
    GoalSource Source,
    string Status,
    int Priority,
    string StatedBy,
    DateTimeOffset StatedAt,
    string? ConfirmedBy,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    IReadOnlyList<GoalTransition> Transitions)
{
    /// <summary>Keyed "goal:{id}" so a goal stream never collides with a deployment, factor or experiment stream.</summary>
    public static string StreamKey(string goalId) => $"goal:{goalId}";

    public static Goal Create(GoalStated e, DateTimeOffset at) =>
        new(StreamKey(e.GoalId), e.GoalId, e.Text, e.Language, e.Formal, e.Source, GoalStatus.Stated, e.Priority, e.By, at, null, null, null, null, at, 1,
            [new GoalTransition(GoalStatus.Stated, at, e.By, null)]);

    public Goal Apply(GoalEdited e, DateTimeOffset at) =>
        Enter(GoalStatus.Stated, at, e.By, e.Reason ?? "edited") with { Formal = e.Formal, Language = e.Formal.Language, ConfirmedBy = null, ConfirmedAt = null };

    public Goal Apply(GoalConfirmed e, DateTimeOffset at) => Enter(GoalStatus.Confirmed, at, e.By, null) with { ConfirmedBy = e.By, ConfirmedAt = at };

    public Goal Apply(GoalActivated e, DateTimeOffset at) => Enter(GoalStatus.Active, at, e.By, e.CycleId) with { ActivatedAt = at };

    public Goal Apply(GoalAchieved e, DateTimeOffset at) => Enter(GoalStatus.Achieved, at, e.By, e.Reason) with { EndedAt = at };

    public Goal Apply(GoalAbandoned e, DateTimeOffset at) => Enter(GoalStatus.Abandoned, at, e.By, e.Reason) with { EndedAt = at };

    public Goal Apply(GoalPrioritised e, DateTimeOffset at) => this with { Priority = e.To, Version = Version + 1, UpdatedAt = at };

    /// <summary>Folds a stream's events as the projection does, all at one instant (for deciders' tests and replays).</summary>
    public static Goal? Replay(IEnumerable<object> events, DateTimeOffset at) =>
        events.Aggregate((Goal?)null, (goal, e) => (goal, e) switch
        {
            (null, GoalStated stated) => Create(stated, at),
            (not null, GoalEdited edited) => goal.Apply(edited, at),
            (not null, GoalConfirmed confirmed) => goal.Apply(confirmed, at),
            (not null, GoalActivated activated) => goal.Apply(activated, at),
            (not null, GoalAchieved achieved) => goal.Apply(achieved, at),
            (not null, GoalAbandoned abandoned) => goal.Apply(abandoned, at),
            (not null, GoalPrioritised prioritised) => goal.Apply(prioritised, at),
            _ => throw new InvalidOperationException($"{e.GetType().Name} cannot follow {goal?.Status ?? "nothing"}."),
        });

    private Goal Enter(string status, DateTimeOffset at, string by, string? reason) =>
        this with { Status = status, Version = Version + 1, UpdatedAt = at, Transitions = [.. Transitions, new GoalTransition(status, at, by, reason)] };
}
