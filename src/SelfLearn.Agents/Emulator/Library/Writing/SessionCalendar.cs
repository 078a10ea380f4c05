namespace SelfLearn.Agents.Emulator.Library.Writing;

/// <summary>Session dates: the first on the brief's start day, the next ones days to two weeks apart, at daytime hours.</summary>
internal static class SessionCalendar
{
    public static IReadOnlyList<DateTimeOffset> Dates(DateTimeOffset start, int count, Random rng)
    {
        var dates = new List<DateTimeOffset>(count);
        var day = start.UtcDateTime.Date;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                day = day.AddDays(rng.Next(2, 15));
            dates.Add(new DateTimeOffset(day.AddHours(rng.Next(8, 21)).AddMinutes(rng.Next(0, 60)), TimeSpan.Zero));
        }
        return dates;
    }

    public static DateTimeOffset DayOf(DateTimeOffset moment, int daysBefore) =>
        new(moment.UtcDateTime.Date.AddDays(-daysBefore), TimeSpan.Zero);
}
