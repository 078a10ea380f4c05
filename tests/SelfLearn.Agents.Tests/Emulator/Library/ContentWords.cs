using System.Text.RegularExpressions;

namespace SelfLearn.Agents.Tests.Emulator.Library;

/// <summary>A deliberately plain tokenizer: lower-case words, stop words dropped, no stemming.</summary>
internal static class ContentWords
{
    private static readonly HashSet<string> StopWords = new(
        """
        a an the and or but if of at by for with about to from in on into over under up down out off again then once here there
        when where why how what which who whom whose this that these those am is are was were be been being have has had having
        do does did doing i me my myself we our ours us you your yours he him his she her it its they them their can could should
        would will shall may might must not no nor so than too very just also any all each few more most other some such own same
        only now currently these days still as s t don't i'm it's we're what's i'd i've let's
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    public static HashSet<string> Of(string text) =>
        Regex.Split(text.ToLowerInvariant(), "[^a-z0-9']+")
            .Select(w => w.Trim('\''))
            .Where(w => w.Length > 1 && !StopWords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The share of the question's content words that also appear in the evidence.</summary>
    public static double Overlap(string question, IEnumerable<string> evidence)
    {
        var asked = Of(question);
        if (asked.Count == 0)
            return 0;
        var told = evidence.SelectMany(Of).ToHashSet(StringComparer.Ordinal);
        return asked.Count(told.Contains) / (double)asked.Count;
    }
}
