using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library.Writing;

/// <summary>
/// Picks the golden questions: one of every kind the story supports, then up to three more, asked in random order a
/// few days after the last session, each in its own thread a little after the previous one.
/// </summary>
internal static class QuestionWriter
{
    public const string AbstainAnswer = "Not mentioned in our conversations.";

    private static readonly IReadOnlyList<string> KindsAsked =
    [
        QuestionKinds.SingleHop, QuestionKinds.MultiHop, QuestionKinds.Temporal,
        QuestionKinds.KnowledgeUpdate, QuestionKinds.Preference, QuestionKinds.Unanswerable,
    ];

    public static IReadOnlyList<GoldenQuestion> Write(IReadOnlyList<QuestionDraft> drafts, IReadOnlyList<ScenarioSession> sessions, string patience, PersonaVoice voice, Random rng)
    {
        var chosen = KindsAsked
            .Select(kind => drafts.Where(d => d.Kind == kind).ToList())
            .Where(candidates => candidates.Count > 0)
            .Select(candidates => rng.Pick(candidates))
            .ToList();
        chosen.AddRange(rng.Shuffled(drafts.Except(chosen).Where(d => d.Kind != QuestionKinds.MultiHop)).Take(rng.Next(0, 4)));

        var revealedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var turn in sessions.SelectMany(s => s.Turns))
            foreach (var fact in turn.Reveals)
                revealedBy.TryAdd(fact, turn.Id);

        var asked = new DateTimeOffset(sessions[^1].Date.UtcDateTime.Date.AddDays(rng.Next(1, 11)).AddHours(rng.Next(8, 20)), TimeSpan.Zero);
        var questions = new List<GoldenQuestion>();
        foreach (var draft in rng.Shuffled(chosen))
        {
            asked = asked.AddMinutes(rng.Next(3, 40));
            var golden = draft.Kind == QuestionKinds.Unanswerable
                ? new GoldenAnswer(AbstainAnswer, [], [], Abstain: true)
                : new GoldenAnswer(draft.Answer, draft.EvidenceFacts, draft.EvidenceFacts.Select(f => revealedBy[f]).Distinct().ToList(), Abstain: false);
            var text = voice.Ask(draft.Text, rng);
            questions.Add(new GoldenQuestion($"q{questions.Count + 1}", draft.Kind, asked, text, FollowUps.For(patience, draft, draft.Text, rng), golden));
        }
        return questions;
    }
}
