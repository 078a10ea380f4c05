using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Goals;

/// <summary>stated → confirmed → active → achieved | abandoned; an edit sends a stated or confirmed goal back to stated.</summary>
public static class GoalStatus
{
    public const string Stated = "stated";
    public const string Confirmed = "confirmed";
    public const string Active = "active";
    public const string Achieved = "achieved";
    public const string Abandoned = "abandoned";

    public static IReadOnlyList<string> All { get; } = [Stated, Confirmed, Active, Achieved, Abandoned];

    public static bool IsFinished(string status) => status is Achieved or Abandoned;

    /// <summary>The event when the goal is in one of <paramref name="from"/>; else a conflict naming where it is.</summary>
    public static Decision Transition(Goal goal, string[] from, string verb, object @event) =>
        from.Contains(goal.Status)
            ? Decision.Accept(@event)
            : Decision.Refuse($"goal '{goal.GoalId}' is {goal.Status}; only {string.Join(" or ", from.Select(s => (s[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + s))} goal can be {verb}. " +
                "Nothing was appended.");
}
