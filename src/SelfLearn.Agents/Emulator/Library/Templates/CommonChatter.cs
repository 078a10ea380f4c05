namespace SelfLearn.Agents.Emulator.Library.Templates;

/// <summary>Distractors any user may say; "{month}" is the session's month.</summary>
internal static class CommonChatter
{
    public static IReadOnlyList<SmallTalk> Lines { get; } =
    [
        new("It's been raining all week here, everything is grey.", "Sorry to hear that, hopefully the sun comes back soon."),
        new("Did you see the match last night? What a finish.", "I didn't catch it, but it sounds like a great game!"),
        new("I'm on my third coffee already.", "That's a lot of coffee, pace yourself!"),
        new("My cat knocked a plant off the shelf this morning.", "Cats will be cats. I hope the plant survived!"),
        new("Traffic was terrible on the way home today.", "That's frustrating. Glad you made it back."),
        new("I started a new detective series, it's pretty good so far.", "Nice, detective shows are great for unwinding."),
        new("The neighbours are having a party again.", "Hopefully it doesn't go on too late."),
        new("It's finally sunny, I might go for a walk later.", "Enjoy the sunshine!"),
        new("I can't believe it's already {month}.", "Time really flies."),
        new("My phone battery keeps dying, so annoying.", "That is annoying. Maybe the battery needs replacing."),
        new("We ordered pizza tonight, too tired to do anything else.", "Sometimes pizza is exactly what's needed."),
        new("I've been thinking about learning the guitar.", "That could be a fun new hobby!"),
    ];

    public static IReadOnlyList<string> Acknowledgements { get; } =
    [
        "Got it, I'll keep that in mind.",
        "Noted.",
        "Thanks for letting me know.",
        "Understood, I've made a note.",
        "Okay, that's useful to know.",
        "Great, I'll remember that.",
    ];

    public static IReadOnlyList<string> UpdateAcknowledgements { get; } =
    [
        "Thanks for the update, I'll go with that from now on.",
        "Okay, I've changed my notes.",
        "Understood, that replaces what you told me before.",
    ];

    public static IReadOnlyList<string> AssistantGreetings { get; } =
    [
        "Hi {name}! What can I help with today?",
        "Hello {name}, good to hear from you.",
        "Hey {name}! What's on the agenda?",
    ];

    public static IReadOnlyList<SmallTalk> Farewells { get; } =
    [
        new("That's all for now, thanks.", "Anytime, talk soon!"),
        new("Okay, I have to run.", "No problem, see you next time."),
    ];
}
