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

/// <summary>A one-step change the planner drafted, before screening and the budget choose among them.</summary>
public sealed record DraftedChange(string Factor, ChangeDirection Direction, JsonElement From, JsonElement To);

/// <summary>The drafted changes in the planner's order, and what was not drafted and why.</summary>
public sealed record CycleDraft(IReadOnlyList<DraftedChange> Changes, IReadOnlyList<string> Notes);

/// <summary>What the offline screen measured: how, and each drafted change's figure (null: the evaluator does not read its factor).</summary>
public sealed record CandidateScreen(CycleScreening Screening, IReadOnlyList<double?> Figures);

/// <summary>The cycle's plan: its hypotheses, the scenarios each experiment plays, the notes and every drafted candidate's outcome.</summary>
public sealed record CyclePlan(
    IReadOnlyList<CycleHypothesis> Hypotheses, int ScenariosPerExperiment, IReadOnlyList<string> Notes, IReadOnlyList<PlanCandidate> Candidates);

/// <summary>
/// The offline planner. <see cref="Draft"/>: for each factor the goal allows (in the goal's order; none named: every
/// auto-zone number of the catalog, by key) one step up, then one step down; a value outside the factor's bounds or off
/// its step, or tried before on the same base version, is skipped. Only numbers in the catalog's auto zone are drafted:
/// an experiment on a manual factor would need an approval for its variant. <see cref="Plan"/>: when the drafts were
/// screened offline, the ones that screened worse than the base configuration are dropped and the rest are ranked by
/// their screened figure (best first; unscreened and equal ones keep the draft order); the goal's experiment budget takes
/// the first, the rest are left for a later cycle, and the dialog budget is shared between the experiments (both
/// variants play every scenario).
/// </summary>
public static class CyclePlanner
{
    public const string Rule = "cycle-step";

    /// <summary>The smallest relative gain on a primary metric that is worth a change.</summary>
    public const double MinimumRelativeEffect = 0.01;

    public const int MaxScenariosPerExperiment = 40;

    /// <summary>Drafts and plans without a screen: the budget takes the drafts in the planner's order.</summary>
    public static CyclePlan Plan(
        Cycle cycle, IReadOnlyDictionary<string, ImpactFactor> catalog, IReadOnlyDictionary<string, JsonElement> baseParameters,
        IReadOnlySet<string>? tried = null) =>
        Plan(cycle, Draft(cycle, catalog, baseParameters, tried), null);

    public static CycleDraft Draft(
        Cycle cycle, IReadOnlyDictionary<string, ImpactFactor> catalog, IReadOnlyDictionary<string, JsonElement> baseParameters,
        IReadOnlySet<string>? tried = null)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(baseParameters);
        var notes = new List<string>();
        var factors = cycle.Goal.AllowedFactors.Count > 0
            ? cycle.Goal.AllowedFactors
            : [.. catalog.Values.Where(f => f.Zone == FactorZone.Auto && f.Type is FactorType.Int or FactorType.Float).Select(f => f.Key).Order(StringComparer.Ordinal)];
        var changes = new List<DraftedChange>();
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
                    changes.Add(new DraftedChange(key, direction, from, to));
            }
        }
        return new CycleDraft(changes, notes);
    }

    /// <param name="screen">The drafts' offline figures, in the draft's order; null when the plan was not screened.</param>
    public static CyclePlan Plan(Cycle cycle, CycleDraft draft, CandidateScreen? screen)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(draft);
        if (screen is not null && screen.Figures.Count != draft.Changes.Count)
            throw new ArgumentException($"the screen holds {screen.Figures.Count} figure(s) for {draft.Changes.Count} drafted change(s).", nameof(screen));
        var goal = cycle.Goal;
        var notes = draft.Notes.ToList();
        var ranked = Rank(draft, screen, notes);
        var chosen = ranked.Where(r => r.Outcome is null).Take(goal.Budget.Experiments).ToList();
        var later = ranked.Count(r => r.Outcome is null) - chosen.Count;
        if (later > 0)
            notes.Add($"{later} more candidate(s) left for a later cycle: the goal's budget allows {goal.Budget.Experiments} experiment(s).");
        var candidates = ranked.Select(r => new PlanCandidate(r.Change.Factor, r.Change.From, r.Change.To, r.Figure,
            r.Outcome ?? (chosen.Contains(r) ? PlanCandidate.Planned : PlanCandidate.Later),
            r.Outcome is null && !chosen.Contains(r) ? $"the goal's budget allows {goal.Budget.Experiments} experiment(s)." : r.Reason)).ToList();
        // Each experiment the budget allows gets the same share of its dialogs, so a cycle that plans fewer leaves the rest to the next.
        var scenarios = chosen.Count == 0 ? 0 : Math.Clamp(goal.Budget.SimulatedDialogs / (2 * Math.Max(1, goal.Budget.Experiments)), 1, MaxScenariosPerExperiment);
        var primary = goal.Primary.Select(p => new PlannedPrimary(p.Metric, MetricRegistry.Get(p.Metric).Direction, MinimumRelativeEffect,
            EffectScale.Relative, p.Segment)).ToList();
        var effects = goal.Primary.DistinctBy(p => p.Metric).ToDictionary(p => p.Metric,
            p => MetricRegistry.Get(p.Metric).Direction == MetricDirection.HigherIsBetter ? MetricEffect.Up : MetricEffect.Down, StringComparer.Ordinal);
        var hypotheses = chosen.Select((r, i) =>
        {
            var c = r.Change;
            var experimentId = $"{cycle.CycleId}-e{i + 1}";
            var hypothesisId = $"{cycle.CycleId}-h{i + 1}";
            var rationale = $"moving {c.Factor} from {c.From.GetRawText()} to {c.To.GetRawText()} is expected to improve " +
                            $"{string.Join(", ", goal.Primary.Select(p => p.Metric))} for goal {cycle.GoalId}" + Screened(r.Figure, screen) + ".";
            var draftHypothesis = new HypothesisDraft(cycle.DeploymentId, cycle.BaseVersion, c.Factor, c.Direction, [c.To], effects, rationale,
                [$"goal:{cycle.GoalId}", $"cycle:{cycle.CycleId}"], [], ProposalSource.FromRule(Rule), experimentId);
            return new CycleHypothesis(new PlannedExperiment(experimentId, hypothesisId, c.Factor, c.From, c.To, primary, goal.Guards), draftHypothesis);
        }).ToList();
        return new CyclePlan(hypotheses, scenarios, notes, candidates);
    }

    private sealed record Ranked(DraftedChange Change, double? Figure, string? Outcome, string? Reason);

    /// <summary>Screened worse than the base: dropped. The rest best first by the screen (stable, so unscreened and equal ones keep the draft order).</summary>
    private static List<Ranked> Rank(CycleDraft draft, CandidateScreen? screen, List<string> notes)
    {
        if (screen is null)
            return [.. draft.Changes.Select(c => new Ranked(c, null, null, null))];
        var s = screen.Screening;
        var sign = MetricRegistry.Get(s.Metric).Direction == MetricDirection.HigherIsBetter ? 1 : -1;
        var ranked = draft.Changes.Select((c, i) => (Change: c, Figure: screen.Figures[i], Gain: screen.Figures[i] is { } f ? sign * (f - s.Base) : 0)).ToList();
        var dropped = new List<Ranked>();
        foreach (var r in ranked.Where(r => r.Gain < 0))
        {
            var reason = $"it screened worse than the base: {s.Metric} {F(r.Figure!.Value)} against {F(s.Base)} on {s.Dataset}.";
            notes.Add($"{r.Change.Factor} {r.Change.From.GetRawText()} → {r.Change.To.GetRawText()} is not planned: {reason}");
            dropped.Add(new Ranked(r.Change, r.Figure, PlanCandidate.Dropped, reason));
        }
        return [.. ranked.Where(r => r.Gain >= 0).OrderByDescending(r => r.Gain).Select(r => new Ranked(r.Change, r.Figure, null, null)), .. dropped];
    }

    private static string Screened(double? figure, CandidateScreen? screen) =>
        figure is { } f && screen is not null
            ? $" (screened offline on {screen.Screening.Dataset}: {screen.Screening.Metric} {F(f)} against the base's {F(screen.Screening.Base)})"
            : "";

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

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static JsonElement Number(decimal value) =>
        JsonDocument.Parse((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)).RootElement.Clone();
}
