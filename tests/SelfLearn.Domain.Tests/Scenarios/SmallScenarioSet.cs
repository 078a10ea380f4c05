using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Domain.Tests.Scenarios;

/// <summary>
/// One user who moves from Lyon to Berlin and likes tea: the smallest set that touches every rule, valid as built.
/// Tests break one thing at a time with <see cref="WithScenario"/>.
/// </summary>
internal static class SmallScenarioSet
{
    public static readonly DateTimeOffset January = new(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset February = new(2024, 2, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset March = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static Persona Ana { get; } = new("ana", "Ana", "terse", "low", "medium", "Moves a lot, forgets to say so.");

    public static Scenario AnaMoves { get; } = new(
        "ana-moves", "relocation-helper", "ana", "Ana keeps her assistant informed while she moves city.",
        [
            new ScenarioFact("lives-lyon", FactKinds.Fact, "Ana lives in Lyon."),
            new ScenarioFact("likes-tea", FactKinds.Preference, "Ana prefers green tea to coffee."),
            new ScenarioFact("lives-berlin", FactKinds.Update, "Ana moved to Berlin.", Supersedes: "lives-lyon"),
        ],
        [
            new ScenarioSession("s1", January,
            [
                new ScenarioTurn("s1-t1", "Ana", "I live in Lyon, by the river.", ["lives-lyon"], TurnActs.Reveal),
                new ScenarioTurn("s1-t2", "Ana", "Nice weather today.", [], TurnActs.Chatter),
                new ScenarioTurn("s1-t3", "Ana", "Green tea please, never coffee.", ["likes-tea"], TurnActs.Reveal),
            ]),
            new ScenarioSession("s2", February,
            [
                new ScenarioTurn("s2-t1", "Ana", "Big news: I moved.", [], TurnActs.Chatter),
                new ScenarioTurn("s2-t2", "assistant", "Where to?", [], TurnActs.ClarifyRequest),
                new ScenarioTurn("s2-t3", "Ana", "Berlin, since last week.", ["lives-berlin"], TurnActs.Clarification),
            ]),
        ],
        [
            new GoldenQuestion("q1", QuestionKinds.Preference, March, "What do I like to drink?",
                [new FollowUp("q1-f1", "Hot or cold?")],
                new GoldenAnswer("Green tea.", ["likes-tea"], ["s1-t3"], Abstain: false)),
            new GoldenQuestion("q2", QuestionKinds.KnowledgeUpdate, March, "Where do I live now?", [],
                new GoldenAnswer("Berlin.", ["lives-berlin"], ["s2-t3"], Abstain: false)),
            new GoldenQuestion("q3", QuestionKinds.Unanswerable, March, "What is my dog's name?", [],
                new GoldenAnswer("You never told me about a dog.", [], [], Abstain: true)),
        ]);

    public static ScenarioSet Set { get; } =
        new(ScenarioSet.CurrentFormat, "small-set", "For the validator tests.", 7, "hand-written", [Ana], [AnaMoves]);

    public static ScenarioSet WithScenario(Func<Scenario, Scenario> change) => Set with { Scenarios = [change(AnaMoves)] };

    public static Scenario WithQuestion(this Scenario scenario, int index, Func<GoldenQuestion, GoldenQuestion> change) =>
        scenario with { Questions = Replace(scenario.Questions, index, change) };

    public static Scenario WithSession(this Scenario scenario, int index, Func<ScenarioSession, ScenarioSession> change) =>
        scenario with { Sessions = Replace(scenario.Sessions, index, change) };

    public static Scenario WithFact(this Scenario scenario, int index, Func<ScenarioFact, ScenarioFact> change) =>
        scenario with { Facts = Replace(scenario.Facts, index, change) };

    public static ScenarioSession WithTurn(this ScenarioSession session, int index, Func<ScenarioTurn, ScenarioTurn> change) =>
        session with { Turns = Replace(session.Turns, index, change) };

    public static GoldenQuestion WithGolden(this GoldenQuestion question, Func<GoldenAnswer, GoldenAnswer> change) =>
        question with { Golden = change(question.Golden) };

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, int index, Func<T, T> change) =>
        items.Select((item, i) => i == index ? change(item) : item).ToList();
}
