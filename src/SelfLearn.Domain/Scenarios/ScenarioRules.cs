namespace SelfLearn.Domain.Scenarios;

/// <summary>The checks inside one scenario: facts, the session timeline, then the golden questions.</summary>
internal static class ScenarioRules
{
    public static ScenarioError? Validate(Scenario scenario, string path, HashSet<string> personas)
    {
        if (string.IsNullOrWhiteSpace(scenario.Project))
            return new($"{path}.project", "is required.");
        if (!personas.Contains(scenario.PersonaId))
            return new($"{path}.personaId", $"names no persona '{scenario.PersonaId}'.");
        if (string.IsNullOrWhiteSpace(scenario.Intent))
            return new($"{path}.intent", "is required.");

        var facts = new Dictionary<string, ScenarioFact>(StringComparer.Ordinal);
        for (var i = 0; i < scenario.Facts.Count; i++)
            if (ValidateFact(scenario.Facts[i], $"{path}.facts[{i}]", facts) is { } error)
                return error;

        var revealedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var turns = new Dictionary<string, (DateTimeOffset Date, IReadOnlyList<string> Reveals)>(StringComparer.Ordinal);
        if (ValidateTimeline(scenario, path, facts, revealedAt, turns) is { } timelineError)
            return timelineError;
        for (var i = 0; i < scenario.Facts.Count; i++)
            if (!revealedAt.ContainsKey(scenario.Facts[i].Id))
                return new($"{path}.facts[{i}]", $"fact '{scenario.Facts[i].Id}' is revealed by no turn.");

        if (scenario.Questions.Count == 0)
            return new($"{path}.questions", "needs at least one question.");
        var questionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scenario.Questions.Count; i++)
            if (QuestionRules.Validate(scenario.Questions[i], $"{path}.questions[{i}]", questionIds, facts, revealedAt, turns) is { } error)
                return error;
        return null;
    }

    private static ScenarioError? ValidateFact(ScenarioFact fact, string path, Dictionary<string, ScenarioFact> facts)
    {
        if (!ScenarioValidator.LocalId().IsMatch(fact.Id))
            return new($"{path}.id", $"'{fact.Id}' is not an id: 1-63 letters, digits, '-', '_', ':' or '.'.");
        if (facts.ContainsKey(fact.Id))
            return new($"{path}.id", $"fact id '{fact.Id}' is used twice.");
        if (!FactKinds.All.Contains(fact.Kind))
            return new($"{path}.kind", $"is one of {string.Join(", ", FactKinds.All)}.");
        if (string.IsNullOrWhiteSpace(fact.Statement))
            return new($"{path}.statement", "is required.");
        if ((fact.Kind == FactKinds.Update) != (fact.Supersedes is not null))
            return new($"{path}.supersedes", "an update names the earlier fact it supersedes; other kinds supersede nothing.");
        if (fact.Supersedes is { } older && !facts.ContainsKey(older))
            return new($"{path}.supersedes", $"names no earlier fact '{older}'.");
        facts[fact.Id] = fact;
        return null;
    }

    private static ScenarioError? ValidateTimeline(
        Scenario scenario, string path, Dictionary<string, ScenarioFact> facts,
        Dictionary<string, DateTimeOffset> revealedAt, Dictionary<string, (DateTimeOffset, IReadOnlyList<string>)> turns)
    {
        if (scenario.Sessions.Count == 0)
            return new($"{path}.sessions", "needs at least one session.");
        var sessionIds = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? previous = null;
        for (var s = 0; s < scenario.Sessions.Count; s++)
        {
            var session = scenario.Sessions[s];
            var sessionPath = $"{path}.sessions[{s}]";
            if (!ScenarioValidator.LocalId().IsMatch(session.Id) || !sessionIds.Add(session.Id))
                return new($"{sessionPath}.id", $"'{session.Id}' is not a new id: 1-63 letters, digits, '-', '_', ':' or '.', unique in the scenario.");
            if (session.Date < previous)
                return new($"{sessionPath}.date", "sessions are in date order; this one is earlier than the one before.");
            previous = session.Date;
            if (session.Turns.Count == 0)
                return new($"{sessionPath}.turns", "needs at least one turn.");
            for (var t = 0; t < session.Turns.Count; t++)
                if (ValidateTurn(session.Turns[t], session.Date, $"{sessionPath}.turns[{t}]", facts, revealedAt, turns) is { } error)
                    return error;
        }
        return null;
    }

    private static ScenarioError? ValidateTurn(
        ScenarioTurn turn, DateTimeOffset date, string path, Dictionary<string, ScenarioFact> facts,
        Dictionary<string, DateTimeOffset> revealedAt, Dictionary<string, (DateTimeOffset, IReadOnlyList<string>)> turns)
    {
        if (!ScenarioValidator.LocalId().IsMatch(turn.Id) || turns.ContainsKey(turn.Id))
            return new($"{path}.id", $"'{turn.Id}' is not a new id: 1-63 letters, digits, '-', '_', ':' or '.', unique in the scenario.");
        if (string.IsNullOrWhiteSpace(turn.Speaker))
            return new($"{path}.speaker", "is required.");
        if (string.IsNullOrWhiteSpace(turn.Text) || turn.Text.Length > ScenarioValidator.MaxTextLength)
            return new($"{path}.text", $"must hold 1 to {ScenarioValidator.MaxTextLength} characters.");
        if (!TurnActs.All.Contains(turn.Act))
            return new($"{path}.act", $"is one of {string.Join(", ", TurnActs.All)}.");
        for (var r = 0; r < turn.Reveals.Count; r++)
        {
            if (!facts.ContainsKey(turn.Reveals[r]))
                return new($"{path}.reveals[{r}]", $"names no fact '{turn.Reveals[r]}'.");
            if (!revealedAt.ContainsKey(turn.Reveals[r]))
                revealedAt[turn.Reveals[r]] = date;
        }
        turns[turn.Id] = (date, turn.Reveals);
        return null;
    }
}
