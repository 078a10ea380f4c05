using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library.Writing;

/// <summary>
/// How a persona words things: its style picks openers, greetings and question leads; its verbosity decides how
/// often a filler sentence is added and whether the short or the long variant of a template is said.
/// </summary>
internal sealed record PersonaVoice(
    IReadOnlyList<string> Openers,
    IReadOnlyList<string> Fillers,
    IReadOnlyList<string> Greetings,
    IReadOnlyList<string> QuestionLeads,
    IReadOnlyList<string> ClarificationLeads,
    string Verbosity)
{
    public static PersonaVoice For(Persona persona) => persona.Style.ToUpperInvariant() switch
    {
        var s when s.Contains("TERSE", StringComparison.Ordinal) => new(
            ["", "", "FYI: ", "Note: "], ["That's it."], ["Hi.", "Quick one.", "Hey."], [""], ["", "I mean: "], persona.Verbosity),
        var s when s.Contains("CHATTY", StringComparison.Ordinal) => new(
            ["Oh, by the way! ", "So, guess what? ", "Okay, news! ", "Before I forget: "],
            ["It's been on my mind all week, honestly.", "Just so you have the full picture!", "Sorry, I know I ramble a bit.", "Anyway, I thought you should know."],
            ["Hey there! How's your day going?", "Hiya! Hope you're well, I've got loads to tell you.", "Hello hello! Me again!"],
            ["Hey, quick question! ", "Okay, so I was wondering. ", "Help me out here! "],
            ["Oh, sorry, I wasn't clear! ", "Ha, good point! "], persona.Verbosity),
        var s when s.Contains("FORMAL", StringComparison.Ordinal) => new(
            ["For your records: ", "Please note the following. ", "A detail for later: "],
            ["I would appreciate it if you kept this in mind.", "Thank you for noting it.", "Kindly take this into account."],
            ["Good morning.", "Good afternoon. I have a few items today.", "Hello. I hope you are well."],
            ["Could you remind me of something? ", "A question, please. ", "If you would be so kind: "],
            ["My apologies for the ambiguity. ", "To be precise: "], persona.Verbosity),
        var s when s.Contains("CASUAL", StringComparison.Ordinal) => new(
            ["Btw: ", "Oh yeah! ", "", "So. "], ["No biggie.", "Just saying.", "Anyway!"],
            ["Hey!", "Heyo, got a sec?", "Hi hi."], ["Quick one. ", "Got a sec? ", ""], ["Oops, right. ", "Ah, yeah: "], persona.Verbosity),
        var s when s.Contains("ANXIOUS", StringComparison.Ordinal) => new(
            ["Sorry, one more thing. ", "I hope this is useful: ", "Just to be safe: "],
            ["I'm worried I'll forget it otherwise.", "Please don't lose track of this, it matters to me.", "Does that make sense?"],
            ["Hi, sorry to bother you again.", "Hello! I hope it's okay that I'm back.", "Hi, I have a few worries today."],
            ["Sorry if I asked before. ", "I'm a bit stressed, so: ", "Please help me remember. "],
            ["Oh no, sorry, I was vague! ", "Sorry! "], persona.Verbosity),
        var s when s.Contains("DIRECT", StringComparison.Ordinal) => new(
            ["", "Fact: ", "Remember this: "], ["Keep it in mind."], ["Hello.", "Let's get going.", "Right, next things."],
            ["", "Answer me this. "], ["", "To be clear: "], persona.Verbosity),
        _ => new([""], ["Just so you know."], ["Hello!"], [""], [""], persona.Verbosity),
    };

    /// <summary>Template variants run from short to long: terse people mostly say the first, talkative ones the last.</summary>
    public string Choose(IReadOnlyList<string> variants, Random rng) => Verbosity switch
    {
        "low" when rng.Chance(0.75) => variants[0],
        "high" when rng.Chance(0.75) => variants[^1],
        _ => rng.Pick(variants),
    };

    public string Tell(string sentence, Random rng) => rng.Pick(Openers) + sentence + Filler(rng);

    public string Clarify(string sentence, Random rng) => rng.Pick(ClarificationLeads) + sentence + Filler(rng);

    public string Greet(Random rng) => rng.Pick(Greetings);

    public string Ask(string question, Random rng) =>
        (Verbosity == "low" || rng.Chance(0.5) ? "" : rng.Pick(QuestionLeads)) + question;

    private string Filler(Random rng)
    {
        var chance = Verbosity switch { "high" => 0.7, "medium" => 0.3, _ => 0.0 };
        return rng.Chance(chance) ? " " + rng.Pick(Fillers) : "";
    }
}
