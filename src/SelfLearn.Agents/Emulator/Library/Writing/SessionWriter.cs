using SelfLearn.Agents.Emulator.Library.Templates;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library.Writing;

/// <summary>
/// Turns tellings into conversations: a greeting, the tellings in random order with small talk between them, and
/// now and then a goodbye. The facts are listed in the order they are first told, so every update follows its original.
/// </summary>
internal sealed class SessionWriter(string user, PersonaVoice voice, IReadOnlyList<SmallTalk> projectChatter, Random rng)
{
    public const string Assistant = "Assistant";

    private readonly Queue<SmallTalk> chatter = new();

    public (IReadOnlyList<ScenarioSession> Sessions, IReadOnlyList<ScenarioFact> Facts) Write(IReadOnlyList<Telling> tellings, IReadOnlyList<DateTimeOffset> dates)
    {
        var facts = new List<ScenarioFact>();
        var sessions = new List<ScenarioSession>();
        for (var s = 0; s < dates.Count; s++)
        {
            var told = rng.Shuffled(tellings.Where(t => t.Session == s));
            facts.AddRange(told.Select(t => t.Fact));
            sessions.Add(new ScenarioSession($"s{s + 1}", dates[s], Number(s + 1, Session(told, dates[s])).ToList()));
        }
        return (sessions, facts);
    }

    private List<Draft> Session(IReadOnlyList<Telling> told, DateTimeOffset date)
    {
        var blocks = told.Select(Reveal).ToList();
        for (var i = rng.Next(1, 3); i > 0; i--)
            blocks.Insert(rng.Next(blocks.Count + 1), SmallTalkAbout(NextChatter(), date));
        var turns = new List<Draft>
        {
            new(user, voice.Greet(rng), [], TurnActs.Chatter),
            new(Assistant, rng.Pick(CommonChatter.AssistantGreetings).Replace("{name}", user, StringComparison.Ordinal), [], TurnActs.Chatter),
        };
        turns.AddRange(blocks.SelectMany(b => b));
        if (rng.Chance(0.4))
            turns.AddRange(SmallTalkAbout(rng.Pick(CommonChatter.Farewells), date));
        return turns;
    }

    private List<Draft> Reveal(Telling telling)
    {
        var ack = rng.Pick(telling.Fact.Supersedes is null ? CommonChatter.Acknowledgements : CommonChatter.UpdateAcknowledgements);
        if (telling.Clarify is not { } clarify)
            return [new(user, voice.Tell(telling.Sentence, rng), [telling.Fact.Id], TurnActs.Reveal), new(Assistant, ack, [], TurnActs.Reply)];
        return
        [
            new(user, voice.Tell(clarify.Vague, rng), [], TurnActs.Reveal),
            new(Assistant, clarify.Request, [], TurnActs.ClarifyRequest),
            new(user, voice.Clarify(telling.Sentence, rng), [telling.Fact.Id], TurnActs.Clarification),
            new(Assistant, ack, [], TurnActs.Reply),
        ];
    }

    private List<Draft> SmallTalkAbout(SmallTalk talk, DateTimeOffset date) =>
    [
        new(user, talk.User.Replace("{month}", date.ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), [], TurnActs.Chatter),
        new(Assistant, talk.Assistant, [], TurnActs.Chatter),
    ];

    /// <summary>Small talk is not repeated within a scenario until every line was used once.</summary>
    private SmallTalk NextChatter()
    {
        if (chatter.Count == 0)
            foreach (var talk in rng.Shuffled(projectChatter.Concat(CommonChatter.Lines)))
                chatter.Enqueue(talk);
        return chatter.Dequeue();
    }

    private static IEnumerable<ScenarioTurn> Number(int session, IReadOnlyList<Draft> turns) =>
        turns.Select((t, i) => new ScenarioTurn($"s{session}:t{i + 1}", t.Speaker, t.Text, t.Reveals, t.Act));

    private sealed record Draft(string Speaker, string Text, IReadOnlyList<string> Reveals, string Act);
}
