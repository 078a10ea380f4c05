using System.Globalization;

namespace SelfLearn.Agents.Student.Memories;

public static class Timestamps
{
    public static bool TryParse(string value, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    public static DateTimeOffset Parse(string value) =>
        TryParse(value, out var at) ? at : throw new FormatException($"'{value}' is not an ISO-8601 timestamp.");
}
