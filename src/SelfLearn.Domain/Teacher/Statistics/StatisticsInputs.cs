using System.Globalization;

namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>Refusals of impossible inputs; the messages reach API clients, so they speak of data, not of code.</summary>
internal static class StatisticsInputs
{
    public static void RequireAlpha(double alpha)
    {
        if (!(alpha > 0 && alpha < 1))
            throw new ArgumentException($"alpha must lie strictly between 0 and 1 (got {Format(alpha)}).");
    }

    public static void RequireProbability(string what, double value)
    {
        if (!(value > 0 && value < 1))
            throw new ArgumentException($"{what} must lie strictly between 0 and 1 (got {Format(value)}).");
    }

    public static void RequireFinite(string what, double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"{what} must be a finite number (got {Format(value)}).");
    }

    public static void RequirePositive(string what, double value)
    {
        if (!(double.IsFinite(value) && value > 0))
            throw new ArgumentException($"{what} must be a positive finite number (got {Format(value)}).");
    }

    public static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
