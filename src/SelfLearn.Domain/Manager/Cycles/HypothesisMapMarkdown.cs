using System.Globalization;
using System.Text;
using SelfLearn.Domain.Manager.Goals;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>The report's "Hypothesis map" section: tried, confirmed, rejected and next, each line with its why.</summary>
internal static class HypothesisMapMarkdown
{
    private sealed record Words(string Title, string Tried, string Confirmed, string Rejected, string Next, string Cycle, string None);

    private static readonly Words English = new("Hypothesis map", "Tried", "Confirmed", "Rejected", "Next", "cycle", "none");

    private static readonly Words Russian = new("Карта гипотез", "Проверены", "Подтверждены", "Отвергнуты", "Дальше", "цикл", "нет");

    public static void Append(StringBuilder md, HypothesisMap map, GoalLanguage language)
    {
        var w = language == GoalLanguage.Russian ? Russian : English;
        md.Append(CultureInfo.InvariantCulture, $"\n## {w.Title}\n");
        Group(md, w, w.Tried, map.Tried, []);
        Group(md, w, w.Confirmed, map.Confirmed, []);
        Group(md, w, w.Rejected, map.Rejected, []);
        Group(md, w, w.Next, map.Next, map.NextNotes);
    }

    private static void Group(StringBuilder md, Words w, string title, IReadOnlyList<MappedHypothesis> lines, IReadOnlyList<string> notes)
    {
        md.Append(CultureInfo.InvariantCulture, $"\n### {title}\n\n");
        if (lines.Count == 0 && notes.Count == 0)
            md.Append(CultureInfo.InvariantCulture, $"{w.None}.\n");
        foreach (var h in lines)
            md.Append(CultureInfo.InvariantCulture,
                $"- {(h.HypothesisId is { } id ? $"{id} " : "")}`{h.Factor}` {h.From.GetRawText()} → {h.To.GetRawText()} ({w.Cycle} {h.CycleId}): {h.Why}\n");
        foreach (var note in notes)
            md.Append(CultureInfo.InvariantCulture, $"- {note}\n");
    }
}
