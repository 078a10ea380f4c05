using System.Globalization;

namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>How a memory is written into the answer context, and what that costs against <see cref="RetrievalSettings.MaxContextTokens"/>.</summary>
public static class ContextLine
{
    /// <summary>"[8 May 2023] Speaker: Text", or "[8 May 2023] Text" without a speaker.</summary>
    public static string Render(MemoryEntry memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var date = DateText(memory.Timestamp);
        return string.IsNullOrEmpty(memory.Speaker)
            ? string.Create(CultureInfo.InvariantCulture, $"[{date}] {memory.Text}")
            : string.Create(CultureInfo.InvariantCulture, $"[{date}] {memory.Speaker}: {memory.Text}");
    }

    /// <summary>A tokenizer-free estimate: one token per four characters, rounded up.</summary>
    public static int EstimateTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (text.Length + 3) / 4;
    }

    /// <summary>The calendar date in the timestamp's own offset, e.g. "8 May 2023"; also the lexical date of a memory.</summary>
    public static string DateText(DateTimeOffset timestamp) =>
        timestamp.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
