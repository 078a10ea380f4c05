using System.Globalization;
using System.Text.RegularExpressions;

namespace SelfLearn.Agents.Teacher.Judging.Offline;

/// <summary>
/// One delivered item as the judge reads it: "[8 May 2023] Speaker: text" (the Student's context line; the date and
/// speaker are optional). <see cref="Words"/> are the speaker's and the text's; <see cref="DateWords"/> are the day it
/// was said and the days its relative expressions name (<see cref="RelativeDates"/>), so "on Friday", said on Monday
/// 28 April 2025, holds "25 April 2025".
/// </summary>
internal sealed partial record ContextItem(
    string Text, DateOnly? Said, string? Speaker, IReadOnlySet<string> Words, IReadOnlySet<string> BodyWords, IReadOnlySet<string> DateWords)
{
    public static ContextItem Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Line().Match(text);
        DateOnly? said = match.Groups["date"].Success && DateOnly.TryParseExact(match.Groups["date"].Value, "d MMMM yyyy",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        var speaker = match.Groups["speaker"].Success ? match.Groups["speaker"].Value.Trim() : null;
        var body = match.Groups["body"].Value;
        var bodyWords = Set(JudgeText.Words(body));
        var words = Set(bodyWords.Concat(speaker is null ? [] : JudgeText.Words(speaker)));
        var dateWords = said is { } day ? Set(JudgeText.Words(match.Groups["date"].Value).Concat(RelativeDates.Words(day, body))) : Set([]);
        return new ContextItem(text, said, speaker, words, bodyWords, dateWords);
    }

    /// <summary>The speaker's name as a judge word ("caroline"), or null.</summary>
    public string? SpeakerWord => Speaker is null ? null : JudgeText.Words(Speaker).FirstOrDefault();

    /// <summary>
    /// The words this item holds for a claim: its own, and its dates' words when the claim names one of their months
    /// or weekdays (a bare year always counts). So "three nights" is not backed by the 3 of "[3 July 2026]".
    /// </summary>
    public IReadOnlySet<string> WordsFor(IReadOnlySet<string> claimWords)
    {
        var namesDay = DateWords.Any(w => (JudgeText.Months.Contains(w) || JudgeText.Weekdays.Contains(w)) && claimWords.Contains(w));
        var usable = DateWords.Where(w => namesDay || w.Length == 4 && w.All(char.IsAsciiDigit));
        return Set(Words.Concat(usable));
    }

    private static HashSet<string> Set(IEnumerable<string> words) => new(words, StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*(?:\[(?<date>\d{1,2} [A-Za-z]+ \d{4})\]\s*)?(?:(?<speaker>[^:\[\]]{1,40}):\s)?(?<body>.*)$", RegexOptions.Singleline)]
    private static partial Regex Line();
}
