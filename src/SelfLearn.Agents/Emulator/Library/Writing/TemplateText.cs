using System.Globalization;

namespace SelfLearn.Agents.Emulator.Library.Writing;

/// <summary>Fills "{name}" placeholders; a placeholder left over is a bug in the templates, not in the data.</summary>
internal static class TemplateText
{
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = template;
        foreach (var (name, value) in values)
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        if (text.Contains('{', StringComparison.Ordinal))
            throw new InvalidOperationException($"Template '{template}' has a placeholder with no value.");
        return text;
    }

    public static string Sentence(string template, IReadOnlyDictionary<string, string> values) => Capitalized(Fill(template, values));

    public static string Capitalized(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    public static string Day(DateTimeOffset date) => date.ToString("d MMMM", CultureInfo.InvariantCulture);

    public static string DayWithWeekday(DateTimeOffset date) => date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    public static string FullDate(DateTimeOffset date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static Dictionary<string, string> With(this IReadOnlyDictionary<string, string> values, string name, string value) =>
        new(values, StringComparer.Ordinal) { [name] = value };
}
