using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>A formal goal read from the meta-user's words, or why the words could not be read (nothing is written then).</summary>
public sealed record Formalised(FormalGoal? Goal, GoalSource Source, IReadOnlyList<Violation> Violations)
{
    public static Formalised Refused(GoalSource source, params Violation[] violations) => new(null, source, violations);
}

/// <summary>
/// Turns a goal in free text into a formal goal. Whatever it returns is checked by <see cref="GoalRules"/> next, the
/// same way for every formaliser: a formaliser only reads, it never decides what is allowed.
/// </summary>
public interface IGoalFormaliser
{
    Task<Formalised> FormaliseAsync(string text, IReadOnlyDictionary<string, ImpactFactor> catalog, CancellationToken ct);
}
