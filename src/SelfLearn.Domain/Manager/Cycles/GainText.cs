using System.Globalization;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>A metric's gain as the report prints it: relative change, absolute delta and the absolute delta's interval.</summary>
internal static class GainText
{
    public static string Of(MetricGain g) =>
        string.Create(CultureInfo.InvariantCulture, $"{Percent(g.RelativeDelta)}, Δ {Number(g.AbsoluteDelta)} [{Number(g.AbsoluteInterval?.Lower)}, {Number(g.AbsoluteInterval?.Upper)}]");

    public static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "—";

    private static string Percent(double? value) => value?.ToString("+0.##%;-0.##%;0%", CultureInfo.InvariantCulture) ?? "—";
}
