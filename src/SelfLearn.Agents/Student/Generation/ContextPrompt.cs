using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SelfLearn.Agents.Student.Generation;

public sealed record PromptMemory(int Rank, double Score, string Text);

/// <summary>
/// The user message that carries the retrieved memories and the question. Real LLMs read it as prose; the offline
/// answerer parses it back, so both providers see exactly the same input.
/// </summary>
public static partial class ContextPrompt
{
    public static string Render(IEnumerable<PromptMemory> lines, string question)
    {
        var text = new StringBuilder("Memories:\n");
        foreach (var line in lines)
            text.Append(CultureInfo.InvariantCulture, $"[{line.Rank}] (score {line.Score:0.000}) {OneLine(line.Text)}\n");
        return text.Append(CultureInfo.InvariantCulture, $"Question: {question}").ToString();
    }

    public static (IReadOnlyList<PromptMemory> Lines, string Question) Parse(string message)
    {
        var lines = LinePattern().Matches(message).Select(m => new PromptMemory(
            int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            m.Groups[3].Value.Trim())).ToList();
        var question = message[(message.LastIndexOf("Question:", StringComparison.Ordinal) + "Question:".Length)..].Trim();
        return (lines, question);
    }

    // A memory written over several lines is one line here, or the text after its first line break would be lost on parsing.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    [GeneratedRegex(@"^\[(\d+)\] \(score ([0-9.]+)\) (.*)$", RegexOptions.Multiline)]
    private static partial Regex LinePattern();
}
