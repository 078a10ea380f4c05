using System.Globalization;
using System.Text.Json;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>A hypothesis the cycle will test and the experiment that tests it.</summary>
public sealed record CycleHypothesis(PlannedExperiment Experiment, HypothesisDraft Draft);

/// <summary>
/// The offline planner: for each factor the goal allows (in the goal's order; none named: every auto-zone number of the
/// catalog, by key) one step up, then one step down, each a hypothesis that the goal's primary metrics move the good way;
/// a value outside the factor's bounds or off its step is skipped. Only numbers in the catalog's auto zone are planned:
/// an experiment on a manual factor would need an approval for its variant. The goal's experiment budget caps the list,
/// and the dialog budget is shared between the experiments (both variants play every scenario).
/// </summary>
public static class CyclePlanner
{
    public const string Rule = "cycle-step";

    /// <summary>The smallest relative gain on a primary metric that is worth a change.</summary>
    public const double MinimumRelativeEffect = 0.01;

    public const int MaxScenariosPerExperiment = 40;

    public static (IReadOnlyList<CycleHypothesis> Hypotheses, int ScenariosPerExperiment, IReadOnlyList<string> Notes) Plan(
        Cycle cycle, IReadOnlyDictionary<string, ImpactFactor> catalog, IReadOnlyDictionary<string, JsonElement> baseParameters,
        IReadOnlySet<string>? tried = null)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(baseParameters);
        var goal = cycle.Goal;
        var notes = new List<string>();
        var factors = goal.AllowedFactors.Count > 0
            ? goal.AllowedFactors
            : [.. catalog.Values.Where(f => f.Zone == FactorZone.Auto && f.Type is FactorType.Int or FactorType.Float).Select(f => f.Key).Order(StringComparer.Ordinal)];
        var candidates = new List<(string Factor, ChangeDirection Direction, JsonElement From, JsonElement To)>();
        foreach (var key in factors)
        {
            var factor = catalog[key];
            if (factor.Zone != FactorZone.Auto || factor.Type is not (FactorType.Int or FactorType.Float))
            {
                notes.Add($"{key} is not planned: only numeric factors in the auto zone are tested by a cycle.");
                continue;
            }
            if (!baseParameters.TryGetValue(key, out var from) || !from.TryGetDecimal(out var value))
                continue;
            var stride = Stride(factor, value);
            foreach (var (direction, target) in new[] { (ChangeDirection.Up, value + stride), (ChangeDirection.Down, value - stride) })
            {
                var to = Number(target);
                if (FactorValueRules.Check(key, factor.Type, factor.Bounds, to).Any())
                    notes.Add($"{key} {direction.ToString().ToLowerInvariant()} to {F(target)} is not planned: outside the factor's bounds or step.");
                else if (tried?.Contains(Tried(key, from, to)) == true)
                    notes.Add($"{key} {from.GetRawText()} → {to.GetRawText()} is not planned: an earlier cycle of goal {cycle.GoalId} tested it on the same base version.");
                else
                    candidates.Add((key, direction, from, to));
            }
        }

        var chosen = candidates.Take(goal.Budget.Experiments).ToList();
        if (candidates.Count > chosen.Count)
            notes.Add($"{candidates.Count - chosen.Count} more candidate(s) left for a later cycle: the goal's budget allows {goal.Budget.Experiments} experiment(s).");
        // Each experiment the budget allows gets the same share of its dialogs, so a cycle that plans fewer leaves the rest to the next.
        var scenarios = chosen.Count == 0 ? 0 : Math.Clamp(goal.Budget.SimulatedDialogs / (2 * Math.Max(1, goal.Budget.Experiments)), 1, MaxScenariosPerExperiment);
        var primary = goal.Primary.Select(p => new PlannedPrimary(p.Metric, MetricRegistry.Get(p.Metric).Direction, MinimumRelativeEffect,
            EffectScale.Relative, p.Segment)).ToList();
        var effects = goal.Primary.DistinctBy(p => p.Metric).ToDictionary(p => p.Metric,
            p => MetricRegistry.Get(p.Metric).Direction == MetricDirection.HigherIsBetter ? MetricEffect.Up : MetricEffect.Down, StringComparer.Ordinal);
        var hypotheses = chosen.Select((c, i) =>
        {
            var experimentId = $"{cycle.CycleId}-e{i + 1}";
            var hypothesisId = $"{cycle.CycleId}-h{i + 1}";
            var rationale = $"moving {c.Factor} from {c.From.GetRawText()} to {c.To.GetRawText()} is expected to improve " +
                            $"{string.Join(", ", goal.Primary.Select(p => p.Metric))} for goal {cycle.GoalId}.";
            var draft = new HypothesisDraft(cycle.DeploymentId, cycle.BaseVersion, c.Factor, c.Direction, [c.To], effects, rationale,
                [$"goal:{cycle.GoalId}", $"cycle:{cycle.CycleId}"], [], ProposalSource.FromRule(Rule), experimentId);
            return new CycleHypothesis(new PlannedExperiment(experimentId, hypothesisId, c.Factor, c.From, c.To, primary, goal.Guards), draft);
        }).ToList();
        return (hypotheses, scenarios, notes);
    }

    /// <summary>A hypothesis as the no-re-test rule compares it: the factor, its base value and the value tried.</summary>
    public static string Tried(string factor, JsonElement from, JsonElement to) => $"{factor}:{from.GetRawText()}→{to.GetRawText()}";

    /// <summary>An integer moves by half its value (at least one step), a fraction by a tenth of its range (at least one step).</summary>
    private static decimal Stride(ImpactFactor factor, decimal value)
    {
        var step = factor.Bounds.Step is > 0 and var s ? s : factor.Type == FactorType.Int ? 1 : 0.01m;
        var raw = factor.Type == FactorType.Int || factor.Bounds.Min is null || factor.Bounds.Max is null
            ? Math.Abs(value) / 2
            : (factor.Bounds.Max.Value - factor.Bounds.Min.Value) / 10;
        return Math.Max(step, Math.Floor(raw / step) * step);
    }

    private static string F(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonElement Number(decimal value) =>
        JsonDocument.Parse((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)).RootElement.Clone();
}
