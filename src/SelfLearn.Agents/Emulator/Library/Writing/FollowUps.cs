using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library.Writing;

/// <summary>
/// What the user says next in a question's thread. Impatient users push more, and more sharply; patient ones rarely
/// follow up. The text never gives the answer away.
/// </summary>
internal static class FollowUps
{
    private static readonly IReadOnlyList<string> Impatient =
    [
        "Come on, I told you this already.",
        "Seriously? We went over this.",
        "I definitely mentioned it. Check again.",
        "You should know this by now.",
        "Come on, think. It was in one of our chats.",
    ];

    private static readonly IReadOnlyList<string> Neutral =
    [
        "Could you check our earlier conversations?",
        "I'm fairly sure I told you at some point.",
        "Can you look again?",
    ];

    private static readonly IReadOnlyList<string> Patient =
    [
        "No rush. I think it came up in one of our earlier talks.",
        "Take your time, I believe I mentioned it a while back.",
    ];

    /// <summary>
    /// A follow-up presses in the persona's mood and asks again — in other words when the draft has them — so it is a
    /// real question the MaaS can answer, not just a complaint.
    /// </summary>
    public static IReadOnlyList<FollowUp> For(string patience, QuestionDraft draft, string asked, Random rng)
    {
        var (count, pool) = patience switch
        {
            "low" => (rng.Chance(0.7) ? 2 : 1, Impatient),
            "medium" => (rng.Chance(0.5) ? 1 : 0, Neutral),
            _ => (rng.Chance(0.2) ? 1 : 0, Patient),
        };
        string[] again = [draft.Rephrased ?? asked, asked];
        return rng.Shuffled(pool).Take(count).Select((lead, i) => new FollowUp($"f{i + 1}", $"{lead} {again[i % again.Length]}")).ToList();
    }
}
