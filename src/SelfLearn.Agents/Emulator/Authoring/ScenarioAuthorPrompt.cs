using System.Globalization;
using System.Text.Json;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Authoring;

/// <summary>
/// What a language model is told to write one scenario: the persona and project, the JSON shape (an example built
/// from the brief and serialized by <see cref="ScenarioJson"/>, so it never drifts from the model) and the rules the
/// validator will hold the reply to.
/// </summary>
internal static class ScenarioAuthorPrompt
{
    public static string System(ScenarioBrief brief)
    {
        var persona = brief.Persona;
        return $$"""
            You write test scenarios for a memory service. A simulated user talks with an assistant over several sessions;
            later the user asks questions whose right answers depend on what was said, and you write those answers too.

            You write for the persona "{{persona.Name}}" (id "{{persona.Id}}"). {{persona.Description}}
            Style: {{persona.Style}}. Verbosity (how much they say per turn): {{persona.Verbosity}}. Patience (how willing they are to clarify and repeat): {{persona.Patience}}.
            Every user turn is written in that voice.
            Project (what the user uses the assistant for): {{brief.Project}}.

            Reply with ONE JSON object, a scenario, and nothing else. Every member shown is required except a fact's
            "supersedes"; a fact may also carry "happenedAt" (ISO 8601) when it happened at another time than it is told.
            No other members are allowed. Example of the shape:
            {{JsonSerializer.Serialize(Example(brief), ScenarioJson.Options)}}

            Rules:
            - "id" is "{{brief.ScenarioId}}", "personaId" is "{{persona.Id}}", "project" is "{{brief.Project}}".
            - Ids of facts, sessions, turns, questions and follow-ups: 1-63 letters, digits, '-', '_', ':' or '.', unique in the scenario.
            - Facts: kind is one of {{string.Join(", ", FactKinds.All)}}. Every fact is revealed by a turn that lists its id in "reveals".
            - At least one "update" fact supersedes an earlier fact (listed before it) and is revealed in a later session; other kinds have no "supersedes".
            - 2 to 4 sessions, in date order, the first on or after {{brief.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}; dates are ISO 8601 with an offset.
            - Turn acts: {{string.Join(", ", TurnActs.All)}}. Include chatter that reveals nothing, and a clarify-request by the assistant answered by the user's clarification.
            - 5 to 9 questions covering the kinds {{string.Join(", ", QuestionKinds.All.Where(k => k != QuestionKinds.OpenDomain))}}; every askedAt is after the last session.
            - An answerable question: golden.abstain false, golden.answer the right answer, evidenceFacts the facts that answer it, evidenceTurns the turns that reveal them. Evidence ids must exist and be told before askedAt.
            - When a fact was superseded before the question is asked, the newest fact is the right one: never cite the superseded fact.
            - A knowledge-update question rests on an update fact.
            - An unanswerable question asks about something never said: golden.abstain true, evidenceFacts and evidenceTurns empty, the answer says it was never mentioned.
            - Follow-ups are optional; they are asked in the same thread and share the golden answer.
            """;
    }

    public static string User(ScenarioBrief brief) => string.Create(CultureInfo.InvariantCulture,
        $"Write scenario \"{brief.ScenarioId}\" (number {brief.Index} of the library, seed {brief.Seed}), starting {brief.Start:yyyy-MM-dd}.");

    /// <summary>A small valid scenario for the brief: it shows the shape and one of each thing the rules ask for.</summary>
    internal static Scenario Example(ScenarioBrief brief)
    {
        var first = brief.Start;
        var second = brief.Start.AddDays(14);
        var asked = brief.Start.AddDays(30);
        var user = brief.Persona.Name;
        return new Scenario(brief.ScenarioId, brief.Project, brief.Persona.Id, "What the user wants from the assistant over these sessions.",
            [
                new ScenarioFact("f1", FactKinds.Fact, "The user's team meets on Mondays."),
                new ScenarioFact("f2", FactKinds.Update, "The team meeting moved to Tuesdays.", Supersedes: "f1"),
            ],
            [
                new ScenarioSession("s1", first,
                [
                    new ScenarioTurn("s1-t1", user, "Morning! Busy week ahead.", [], TurnActs.Chatter),
                    new ScenarioTurn("s1-t2", user, "Remember that my team meets on Mondays.", ["f1"], TurnActs.Reveal),
                ]),
                new ScenarioSession("s2", second,
                [
                    new ScenarioTurn("s2-t1", user, "Our meeting day changed.", [], TurnActs.Reveal),
                    new ScenarioTurn("s2-t2", "assistant", "Which day is it now?", [], TurnActs.ClarifyRequest),
                    new ScenarioTurn("s2-t3", user, "Tuesdays from now on.", ["f2"], TurnActs.Clarification),
                ]),
            ],
            [
                new GoldenQuestion("q1", QuestionKinds.KnowledgeUpdate, asked, "Which day does my team meet?",
                    [new FollowUp("q1-f1", "Are you sure it's not Monday?")],
                    new GoldenAnswer("Tuesdays.", ["f2"], ["s2-t3"], Abstain: false)),
                new GoldenQuestion("q2", QuestionKinds.Unanswerable, asked, "What is my manager's name?", [],
                    new GoldenAnswer("You never mentioned your manager's name.", [], [], Abstain: true)),
            ]);
    }
}
