using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>The offline formaliser: the phrase grammar of docs/GOALS.md, no model.</summary>
public sealed class PhraseGoalFormaliser : IGoalFormaliser
{
    public Task<Formalised> FormaliseAsync(string text, IReadOnlyDictionary<string, ImpactFactor> catalog, CancellationToken ct) =>
        Task.FromResult(Formalise(text, catalog));

    public static Formalised Formalise(string text, IReadOnlyDictionary<string, ImpactFactor> catalog)
    {
        GoalParse parse;
        try
        {
            parse = new GoalPhraseParser(catalog).Parse(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return Formalised.Refused(GoalSource.Offline, new Violation("text", ViolationRule.InvalidDefinition,
                "the text took too long to read; state the goal in shorter phrases (docs/GOALS.md)."));
        }
        if (parse.Goal is { } goal)
            return new Formalised(goal, GoalSource.Offline, []);
        var violations = new List<Violation>();
        if (parse.Unplaced.Count > 0)
            violations.Add(new Violation("text", ViolationRule.InvalidDefinition,
                $"could not place: {string.Join(", ", parse.Unplaced.Select(w => $"'{w}'"))} (docs/GOALS.md lists the phrases the Manager understands)."));
        violations.AddRange(parse.Problems.Select(p => new Violation("text", ViolationRule.InvalidDefinition, p)));
        return new Formalised(null, GoalSource.Offline, violations);
    }
}
