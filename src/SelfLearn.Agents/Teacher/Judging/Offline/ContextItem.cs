using System.Globalization;
using System.Text.RegularExpressions;

namespace SelfLearn.Agents.Teacher.Judging.Offline;

/// <summary>
/// One delivered item as the judge reads it: "[8 May 2023] Speaker: text" (the Student's context line; the date and
/// speaker are optional). Its words include the dates its relative expressions name (<see cref="RelativeDates"/>), so
/// "on Friday", said on Monday 28 April 2025, supports "25 April 2025".
/// </summary>
internal sealed partial record ContextItem(string Text, DateOnly? Said, string? Speaker, IReadOnlySet<string> Words, IReadOnlySet<string> BodyWords)
{
    public static ContextItem Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Line().Match(text);
        DateOnly? said = match.Success && DateOnly.TryParseExact(match.Groups["date"].Value, "d MMMM yyyy", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var date) ? date : null;
        var speaker = match.Success && match.Groups["speaker"].Success ? match.Groups["speaker"].Value.Trim() : null;
        var body = match.Success ? match.Groups["body"].Value : text;
        var words = JudgeText.Words(text).ToHashSet(StringComparer.Ordinal);
        if (said is { } day)
            words.UnionWith(RelativeDates.Words(day, body));
        return new ContextItem(text, said, speaker, words, JudgeText.Words(body).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The speaker's name as a judge word ("caroline"), or null.</summary>
    public string? SpeakerWord => Speaker is null ? null : JudgeText.Words(Speaker).FirstOrDefault();

    [GeneratedRegex(@"^\s*(?:\[(?<date>\d{1,2} [A-Za-z]+ \d{4})\]\s*)?(?:(?<speaker>[^:\[\]]{1,40}):\s)?(?<body>.*)$", RegexOptions.Singleline)]
    private static partial Regex Line();
}
