using System.Globalization;

namespace SelfLearn.Web.Experiments;

/// <summary>How the experiment pages print statistics: four significant digits, relative changes as signed percentages.</summary>
public static class Figures
{
    public static string Of(double? value) => value is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "—";

    public static string Percent(double? fraction) =>
        fraction is { } f ? (f * 100).ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Interval(IntervalView? interval, Func<double?, string> format) =>
        interval is { } i ? $"[{format(i.Lower)}, {format(i.Upper)}]" : "—";
}
