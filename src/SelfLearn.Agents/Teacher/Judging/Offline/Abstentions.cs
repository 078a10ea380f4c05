namespace SelfLearn.Agents.Teacher.Judging.Offline;

/// <summary>
/// The phrases by which an answer declines to answer (docs/JUDGE.md). A claim holding one is an abstention; the other
/// claims of the same answer are side remarks, judged like any claim.
/// </summary>
internal static class Abstentions
{
    public static readonly IReadOnlyList<string> Phrases =
    [
        "don't know", "do not know", "not sure", "not certain", "no idea", "can't recall", "cannot recall", "can't remember",
        "don't remember", "can't tell", "cannot tell", "can't say", "cannot say", "can't find", "couldn't find",
        "never told me", "never mentioned", "never said", "haven't told", "haven't mentioned", "hasn't mentioned",
        "didn't mention", "did not mention", "not mentioned", "wasn't mentioned", "nothing in my notes", "nothing in our",
        "nothing says", "none of my notes", "not in my notes", "don't have any", "don't have anything", "no information",
        "no record", "remind me", "i don't have",
    ];

    public static bool IsAbstention(string claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var normalised = claim.Replace('’', '\'').ToLowerInvariant();
        return Phrases.Any(phrase => normalised.Contains(phrase, StringComparison.Ordinal));
    }
}
