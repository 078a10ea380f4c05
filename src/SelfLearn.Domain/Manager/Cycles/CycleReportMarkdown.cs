using System.Globalization;
using System.Text;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Hypotheses;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>The cycle's report as Markdown, in the language the goal was stated in (English or Russian), its hypothesis map last.</summary>
public static class CycleReportMarkdown
{
    private sealed record Words(string Title, string Tested, string Columns, string Gains, string Change, string None, string Conflicts, string Side);

    private static readonly Words English = new("Cycle", "What was tested", "| hypothesis | factor | change | verdict |",
        "Primary gains (relative, 95 % interval of the absolute delta)", "Change", "nothing was tested", "Conflicts resolved", "Side effects");

    private static readonly Words Russian = new("Цикл", "Что проверено", "| гипотеза | фактор | изменение | вердикт |",
        "Выигрыш по основным метрикам (относительный, 95 % интервал абсолютной разницы)", "Изменение", "ничего не проверялось",
        "Разрешённые конфликты", "Побочные эффекты");

    public static string Render(CycleReport report, GoalLanguage language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var w = language == GoalLanguage.Russian ? Russian : English;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {w.Title} {report.CycleId}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"goal `{report.GoalId}` · deployment `{report.DeploymentId}` · base version {report.BaseVersion}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"## {w.Tested}\n\n");
        if (report.Tested.Count == 0)
            md.Append(CultureInfo.InvariantCulture, $"{w.None}.\n\n");
        else
        {
            md.Append(w.Columns).Append("\n|---|---|---|---|\n");
            foreach (var t in report.Tested)
                md.Append(CultureInfo.InvariantCulture, $"| {t.HypothesisId} | `{t.Factor}` | {t.From.GetRawText()} → {t.To.GetRawText()} | {Call(t.Call)} |\n");
            md.Append(CultureInfo.InvariantCulture, $"\n## {w.Gains}\n\n");
            foreach (var t in report.Tested)
                foreach (var g in t.PrimaryGains)
                    md.Append(CultureInfo.InvariantCulture, $"- {t.HypothesisId} `{g.Metric}` ({g.Segment}): {Gain(g)}\n");
            var side = report.Tested.SelectMany(t => t.SideEffects.Select(s => (t.HypothesisId, s))).ToList();
            if (side.Count > 0)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n## {w.Side}\n\n");
                foreach (var (hypothesis, s) in side)
                    md.Append(CultureInfo.InvariantCulture, $"- {hypothesis} `{s.Metric}` ({s.Segment}): {Gain(s)}, {s.Significance.ToString().ToLowerInvariant()}\n");
            }
            md.Append('\n');
        }
        if (report.Conflicts.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"## {w.Conflicts}\n\n");
            foreach (var c in report.Conflicts)
                md.Append(CultureInfo.InvariantCulture, $"- {c.Reason}\n");
            md.Append('\n');
        }
        md.Append(CultureInfo.InvariantCulture, $"## {w.Change}\n\n{report.Change?.Kind ?? CycleChange.None}: {report.Change?.Reason}\n");
        if (report.HypothesisMap is { } map)
            HypothesisMapMarkdown.Append(md, map, language);
        if (report.OfflineOnline is { } validity)
            AppendOfflineOnline(md, validity, language);
        return md.ToString();
    }

    private static void AppendOfflineOnline(StringBuilder md, OfflineOnline validity, GoalLanguage language)
    {
        var running = validity.Running;
        var share = running.DirectionAgreement is { } d ? d.ToString("0%", CultureInfo.InvariantCulture) : "—";
        var r = running.Correlation is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : "—";
        md.Append(language == GoalLanguage.Russian
            ? $"\n## Офлайн → онлайн\n\nЗа {validity.Activations} проверенных активаций направление изменения совпало в {running.Agreeing} из {running.Pairs} метрик ({share}), корреляция r = {r}.\n"
            : $"\n## Offline → online\n\nOver {validity.Activations} activations checked against live traffic, {running.Agreeing} of {running.Pairs} predicted directions held ({share}), correlation r = {r}.\n");
    }

    private static string Call(VerdictCall? call) => call?.ToString().ToLowerInvariant() ?? "—";

    private static string Gain(MetricGain g) => GainText.Of(g);
}
