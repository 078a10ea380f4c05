using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator;

/// <summary>What a well-behaved model would reply to <see cref="Brief"/>: Ana moves from Lyon to Berlin and likes tea.</summary>
internal static class HandWrittenScenario
{
    public static readonly DateTimeOffset Start = new(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);

    public static ScenarioBrief Brief { get; } =
        new("ana-moves", new Persona("ana", "Ana", "terse and dry", "low", "high", "Moves a lot."), "relocation-helper", Start, Seed: 42, Index: 3);

    public static Scenario AnaMoves { get; } = new(
        "ana-moves", "relocation-helper", "ana", "Ana keeps her assistant informed while she moves city.",
        [
            new ScenarioFact("lives-lyon", FactKinds.Fact, "Ana lives in Lyon."),
            new ScenarioFact("likes-tea", FactKinds.Preference, "Ana prefers green tea."),
            new ScenarioFact("lives-berlin", FactKinds.Update, "Ana moved to Berlin.", Supersedes: "lives-lyon"),
        ],
        [
            new ScenarioSession("s1", Start,
            [
                new ScenarioTurn("s1-t1", "Ana", "Lyon. By the river. Tea, green.", ["lives-lyon", "likes-tea"], TurnActs.Reveal),
                new ScenarioTurn("s1-t2", "Ana", "Rain again.", [], TurnActs.Chatter),
            ]),
            new ScenarioSession("s2", Start.AddDays(20),
            [
                new ScenarioTurn("s2-t1", "Ana", "Moved.", [], TurnActs.Reveal),
                new ScenarioTurn("s2-t2", "assistant", "Where to?", [], TurnActs.ClarifyRequest),
                new ScenarioTurn("s2-t3", "Ana", "Berlin.", ["lives-berlin"], TurnActs.Clarification),
            ]),
        ],
        [
            new GoldenQuestion("q1", QuestionKinds.Preference, Start.AddDays(30), "What do I drink?", [],
                new GoldenAnswer("Green tea.", ["likes-tea"], ["s1-t1"], Abstain: false)),
            new GoldenQuestion("q2", QuestionKinds.KnowledgeUpdate, Start.AddDays(30), "Where do I live?", [new FollowUp("q2-f1", "Still?")],
                new GoldenAnswer("Berlin.", ["lives-berlin"], ["s2-t3"], Abstain: false)),
            new GoldenQuestion("q3", QuestionKinds.Unanswerable, Start.AddDays(30), "What's my cat called?", [],
                new GoldenAnswer("You never mentioned a cat.", [], [], Abstain: true)),
        ]);
}
