using System.Globalization;

namespace SelfLearn.Web.Layout;

/// <summary>The person looking: their time zone (asked from the browser once), in which every time is shown.</summary>
public sealed record Viewer(TimeZoneInfo Zone)
{
    public static readonly Viewer Utc = new(TimeZoneInfo.Utc);

    public static Viewer In(string ianaZone)
    {
        try
        {
            return new Viewer(TimeZoneInfo.FindSystemTimeZoneById(ianaZone));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return Utc;
        }
    }

    public string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public string ZoneName => Zone.Id;
}
