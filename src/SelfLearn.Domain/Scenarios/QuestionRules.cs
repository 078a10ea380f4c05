namespace SelfLearn.Domain.Scenarios;

/// <summary>A golden question is asked after its evidence was told, points only at what exists, and its evidence is current.</summary>
internal static class QuestionRules
{
    public static ScenarioError? Validate(
        GoldenQuestion question, string path, HashSet<string> questionIds, Dictionary<string, ScenarioFact> facts,
        Dictionary<string, DateTimeOffset> revealedAt, Dictionary<string, (DateTimeOffset Date, IReadOnlyList<string> Reveals)> turns)
    {
        if (!ScenarioValidator.LocalId().IsMatch(question.Id) || !questionIds.Add(question.Id))
            return new($"{path}.id", $"'{question.Id}' is not a new id: 1-63 letters, digits, '-', '_', ':' or '.', unique in the scenario.");
        if (!QuestionKinds.All.Contains(question.Kind))
            return new($"{path}.kind", $"is one of {string.Join(", ", QuestionKinds.All)}.");
        if (string.IsNullOrWhiteSpace(question.Text) || question.Text.Length > ScenarioValidator.MaxQuestionLength)
            return new($"{path}.text", $"must hold 1 to {ScenarioValidator.MaxQuestionLength} characters.");
        var followUps = new HashSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < question.FollowUps.Count; f++)
        {
            var followUp = question.FollowUps[f];
            if (!ScenarioValidator.LocalId().IsMatch(followUp.Id) || !followUps.Add(followUp.Id))
                return new($"{path}.followUps[{f}].id", $"'{followUp.Id}' is not a new id within the question.");
            if (string.IsNullOrWhiteSpace(followUp.Text) || followUp.Text.Length > ScenarioValidator.MaxQuestionLength)
                return new($"{path}.followUps[{f}].text", $"must hold 1 to {ScenarioValidator.MaxQuestionLength} characters.");
        }
        return ValidateGolden(question, $"{path}.golden", facts, revealedAt, turns);
    }

    private static ScenarioError? ValidateGolden(
        GoldenQuestion question, string path, Dictionary<string, ScenarioFact> facts,
        Dictionary<string, DateTimeOffset> revealedAt, Dictionary<string, (DateTimeOffset Date, IReadOnlyList<string> Reveals)> turns)
    {
        var golden = question.Golden;
        if (question.Kind == QuestionKinds.Unanswerable)
            return golden is { Abstain: true, EvidenceFacts.Count: 0, EvidenceTurns.Count: 0 }
                ? null
                : new(path, "an unanswerable question has abstain: true and no evidence.");
        if (golden.Abstain)
            return new($"{path}.abstain", $"only unanswerable questions abstain; this one is {question.Kind}.");
        if (string.IsNullOrWhiteSpace(golden.Answer))
            return new($"{path}.answer", "is required.");
        if (golden.EvidenceTurns.Count == 0)
            return new($"{path}.evidenceTurns", "an answerable question names the turns that answer it.");

        for (var i = 0; i < golden.EvidenceTurns.Count; i++)
        {
            if (!turns.TryGetValue(golden.EvidenceTurns[i], out var turn))
                return new($"{path}.evidenceTurns[{i}]", $"names no turn '{golden.EvidenceTurns[i]}'.");
            if (turn.Date > question.AskedAt)
                return new($"{path}.evidenceTurns[{i}]", $"turn '{golden.EvidenceTurns[i]}' is told after the question is asked.");
        }
        for (var i = 0; i < golden.EvidenceFacts.Count; i++)
        {
            var id = golden.EvidenceFacts[i];
            if (!facts.ContainsKey(id))
                return new($"{path}.evidenceFacts[{i}]", $"names no fact '{id}'.");
            if (!golden.EvidenceTurns.Any(t => turns[t].Reveals.Contains(id)))
                return new($"{path}.evidenceFacts[{i}]", $"fact '{id}' is revealed by none of the evidence turns.");
            if (facts.Values.FirstOrDefault(f => f.Supersedes == id && revealedAt[f.Id] <= question.AskedAt) is { } newer)
                return new($"{path}.evidenceFacts[{i}]", $"fact '{id}' was superseded by '{newer.Id}' before the question; the newest fact is the right one.");
        }
        if (question.Kind == QuestionKinds.KnowledgeUpdate && !golden.EvidenceFacts.Any(id => facts[id].Supersedes is not null))
            return new($"{path}.evidenceFacts", "a knowledge-update question rests on an update fact (one that supersedes another).");
        return null;
    }
}
