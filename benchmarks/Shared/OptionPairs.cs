using System.Globalization;

namespace SelfLearn.Benchmarks.Shared;

/// <summary>Reads <c>--name value</c> pairs onto a record of defaults: the shape every benchmark's options share.</summary>
internal static class OptionPairs
{
    /// <param name="apply">The options with <c>name</c> set to the value, or null when no option has that name.</param>
    public static T Parse<T>(IReadOnlyList<string> args, T defaults, string usage, Func<T, string, string, T?> apply)
        where T : class
    {
        var options = defaults;
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{name} needs a value. Usage: {usage}");
            options = apply(options, name, value) ?? throw new ArgumentException($"unknown option {name}. Usage: {usage}");
        }
        return options;
    }

    public static int Number(string name, string value, int minimum = 1, int maximum = int.MaxValue) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum && n <= maximum
            ? n
            : throw new ArgumentException(maximum == int.MaxValue
                ? $"{name} must be a whole number >= {minimum}, got '{value}'."
                : $"{name} must be a whole number from {minimum} to {maximum}, got '{value}'.");

    /// <summary>Whole numbers separated by commas, each within the bounds.</summary>
    public static int[] Numbers(string name, string value, int minimum = 1, int maximum = int.MaxValue) =>
        [.. value.Split(',').Select(part =>
            int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum && n <= maximum
                ? n
                : throw new ArgumentException(maximum == int.MaxValue
                    ? $"{name} takes whole numbers >= {minimum} separated by commas, got '{value}'."
                    : $"{name} takes whole numbers from {minimum} to {maximum} separated by commas, got '{value}'."))];
}
