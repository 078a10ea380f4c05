using System.Globalization;
using System.Text.RegularExpressions;

namespace SelfLearn.Agents.Teacher.Judging.Offline;

/// <summary>
/// The calendar words an item's relative time expressions stand for, from the day it was said: "yesterday" and
/// "last night" (the day before), "last week" and "a week ago" (seven days before), "today", "this morning" and
/// "tonight" (that day), a weekday ("on Friday", "last
/// Friday": the latest such day before), "N days ago", "last year" and "N years ago" (the year), and "on 31 December"
/// said in January (the year before). Each named day adds its day number, month, year and weekday.
/// </summary>
internal static partial class RelativeDates
{
    public static IEnumerable<string> Words(DateOnly said, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var days = new List<DateOnly>();
        var years = new List<int>();
        var lower = text.ToLowerInvariant();
        if (lower.Contains("yesterday", StringComparison.Ordinal) || lower.Contains("last night", StringComparison.Ordinal))
            days.Add(said.AddDays(-1));
        if (lower.Contains("last week", StringComparison.Ordinal) || lower.Contains("a week ago", StringComparison.Ordinal))
            days.Add(said.AddDays(-7));
        if (lower.Contains("today", StringComparison.Ordinal) || lower.Contains("this morning", StringComparison.Ordinal)
            || lower.Contains("tonight", StringComparison.Ordinal))
            days.Add(said);
        foreach (Match weekday in Weekday().Matches(text))
        {
            var day = Enum.Parse<DayOfWeek>(weekday.Value, ignoreCase: true);
            var back = ((int)said.DayOfWeek - (int)day + 7) % 7;
            days.Add(said.AddDays(back == 0 ? -7 : -back));
        }
        foreach (Match ago in Ago().Matches(lower))
        {
            var count = Count(ago.Groups["n"].Value);
            if (ago.Groups["unit"].Value.StartsWith("day", StringComparison.Ordinal))
                days.Add(said.AddDays(-count));
            else
                years.Add(said.Year - count);
        }
        if (lower.Contains("last year", StringComparison.Ordinal))
            years.Add(said.Year - 1);
        foreach (Match dayMonth in DayMonth().Matches(text))
        {
            var month = DateTime.ParseExact(dayMonth.Groups["month"].Value, "MMMM", CultureInfo.InvariantCulture).Month;
            if (month > said.Month)
                years.Add(said.Year - 1);
        }

        return days.SelectMany(DayWords).Concat(years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
    }

    private static IEnumerable<string> DayWords(DateOnly day) =>
    [
        day.Day.ToString(CultureInfo.InvariantCulture),
        CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(day.Month).ToLowerInvariant(),
        day.Year.ToString(CultureInfo.InvariantCulture),
        day.DayOfWeek.ToString().ToLowerInvariant(),
    ];

    private static int Count(string n) => n switch
    {
        "a" or "an" or "one" => 1,
        "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8, "nine" => 9, "ten" => 10,
        _ => int.Parse(n, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten) (?<unit>days?|years?) ago\b")]
    private static partial Regex Ago();

    [GeneratedRegex(@"\b\d{1,2} (?<month>January|February|March|April|May|June|July|August|September|October|November|December)\b(?! \d{4})")]
    private static partial Regex DayMonth();
}
