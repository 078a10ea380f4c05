namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// The speaker signal of one question: 1 for a memory whose speaker's name (trimmed) occurs in the question, ignoring case,
/// as a whole word (not inside a longer run of letters or digits: "Caroline's" names Caroline, "Carolines" does not), else 0.
/// </summary>
internal sealed class SpeakerMentions(string question)
{
    private readonly Dictionary<string, double> bySpeaker = new(StringComparer.Ordinal);

    public double Signal(string? speaker)
    {
        if (string.IsNullOrWhiteSpace(speaker))
            return 0;
        if (!bySpeaker.TryGetValue(speaker, out var signal))
            bySpeaker[speaker] = signal = IsNamed(question, speaker.Trim()) ? 1 : 0;
        return signal;
    }

    public static bool IsNamed(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + name.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                return true;
        }

        return false;
    }
}
