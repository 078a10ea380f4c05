using System.Globalization;

namespace SelfLearn.Agents.Locomo;

/// <summary>Session timestamps such as "1:56 pm on 8 May, 2023"; the dataset gives no zone, so they are read as UTC.</summary>
public static class SessionDate
{
    public static DateTimeOffset Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateTimeOffset.TryParseExact(text.Trim(), "h:mm tt 'on' d MMMM, yyyy", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a LoCoMo session date like '1:56 pm on 8 May, 2023'.");
    }
}
