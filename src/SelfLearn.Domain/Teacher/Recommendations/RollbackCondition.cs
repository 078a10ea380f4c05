using System.Globalization;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Teacher.Recommendations;

/// <summary>
/// When an applied change is to be undone: <see cref="Metric"/> is worse than its reference value by more than
/// <see cref="MaxDrop"/> (a share of that value, in the metric's bad direction: 0.1 = 10 % worse) for
/// <see cref="Windows"/> consecutive evaluation windows. Recommendations carry it; the online degradation rules use
/// the same record, so it is checked in one place.
/// </summary>
public sealed record RollbackCondition(string Metric, double MaxDrop, int Windows)
{
    public const double MaxMaxDrop = 10;
    public const int MaxWindows = 100;

    public IEnumerable<Violation> Check(string path)
    {
        if (!MetricRegistry.IsKnown(Metric ?? ""))
            yield return ProposalRules.UnknownMetric($"{path}.metric", Metric ?? "");
        if (!double.IsFinite(MaxDrop) || MaxDrop <= 0 || MaxDrop > MaxMaxDrop)
            yield return ProposalRules.Invalid($"{path}.maxDrop",
                string.Create(CultureInfo.InvariantCulture, $"maxDrop is a share of the reference value above 0 and at most {MaxMaxDrop}, got {MaxDrop}."));
        if (Windows is < 1 or > MaxWindows)
            yield return ProposalRules.Invalid($"{path}.windows", $"windows is 1 to {MaxWindows} consecutive evaluation windows, got {Windows}.");
    }

    public static IEnumerable<Violation> CheckAll(IReadOnlyList<RollbackCondition>? conditions, string path = "rollbackConditions")
    {
        if (conditions is not { Count: > 0 })
        {
            yield return ProposalRules.Invalid(path, $"'{path}' names at least one {{metric, maxDrop, windows}}: when the change is to be undone.");
            yield break;
        }
        if (conditions.Count > ProposalLimits.MaxRollbackConditions)
        {
            yield return ProposalRules.Invalid(path, $"'{path}' holds at most {ProposalLimits.MaxRollbackConditions} conditions.");
            yield break;
        }
        for (var i = 0; i < conditions.Count; i++)
            foreach (var violation in conditions[i].Check($"{path}[{i}]"))
                yield return violation;
        foreach (var repeated in conditions.GroupBy(c => c.Metric).Where(g => g.Count() > 1))
            yield return ProposalRules.Invalid(path, $"'{path}' names metric '{ProposalRules.Short(repeated.Key ?? "")}' more than once.");
    }
}
