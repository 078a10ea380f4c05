namespace SelfLearn.Domain.Tuner;

/// <summary>
/// What a Tuner decider returns: the events to append, or why nothing may be appended —
/// rule violations (the request is wrong) or a conflict with the current state.
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, IReadOnlyList<Violation> Violations, string? Conflict)
{
    public bool Accepted => Violations.Count == 0 && Conflict is null;

    public static Decision Accept(params object[] events) => new(events, [], null);

    public static Decision Reject(IReadOnlyList<Violation> violations) => new([], violations, null);

    public static Decision Refuse(string conflict) => new([], [], conflict);
}
