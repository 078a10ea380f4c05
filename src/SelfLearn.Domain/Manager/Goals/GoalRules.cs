using System.Globalization;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Goals;

/// <summary>
/// Every rule a formal goal must pass, whoever formalised it (the phrase parser, a language model, the meta-user's
/// JSON): metrics from the registry, each moved the way it improves, targets in the metric's range, well-formed
/// segments, guards with a limit, factors from the catalog that are not frozen, a bounded budget, a deployment that
/// exists. Keys are the JSON paths of the formal goal.
/// </summary>
public static class GoalRules
{
    public const int MaxObjectives = 10;
    public const int MaxGuards = 20;

    /// <summary>More than the catalog holds today; bounds the work and the refusal's length.</summary>
    public const int MaxAllowedFactors = 50;
    public const int MaxPriority = 100;
    public const int MaxExperiments = 100;
    public const int MaxSimulatedDialogs = 100_000;
    public const int MaxWallTimeMinutes = 10_080;

    public static IReadOnlyList<Violation> Check(FormalGoal goal, IReadOnlyDictionary<string, ImpactFactor> catalog, Func<string, bool> deploymentExists)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var violations = new List<Violation>();
        Deployment(goal.Deployment, deploymentExists, violations);
        Objectives(goal.Primary ?? [], violations);
        Guards(goal.Guards ?? [], goal.Primary ?? [], violations);
        Factors(goal.AllowedFactors ?? [], catalog, violations);
        Budget(goal.Budget, violations);
        return violations;
    }

    public static Violation? Priority(int priority) =>
        priority is < 1 or > MaxPriority
            ? new Violation("priority", ViolationRule.OutOfRange, $"a priority is 1 (first) to {MaxPriority}, not {priority}.")
            : null;

    private static void Deployment(string? deployment, Func<string, bool> exists, List<Violation> violations)
    {
        if (deployment is null || !OpenDeployment.IdPattern().IsMatch(deployment))
            violations.Add(Invalid("deployment", "a deployment id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit."));
        else if (!exists(deployment))
            violations.Add(Invalid("deployment", $"no deployment '{deployment}' (GET /api/deployments lists them)."));
    }

    private static void Objectives(IReadOnlyList<GoalObjective> objectives, List<Violation> violations)
    {
        if (objectives.Count is 0 or > MaxObjectives)
            violations.Add(Invalid("primary", $"a goal moves 1 to {MaxObjectives} primary metrics, not {objectives.Count}."));
        foreach (var (objective, i) in objectives.Take(MaxObjectives).Select((o, i) => (o, i)))
        {
            var key = $"primary[{i}]";
            if (Metric(objective?.Metric, key, violations) is not { } metric)
                continue;
            if (objective!.Direction != metric.Direction)
                violations.Add(Invalid($"{key}.direction", $"'{metric.Name}' improves when {Word(metric.Direction)}; a goal moves a metric the way it improves."));
            if (objective.Target is { } target && TargetProblem(metric, target) is { } problem)
                violations.Add(new Violation($"{key}.target", ViolationRule.OutOfRange, problem));
            if (objective.Segment is { } segment && Segments.Validate(segment) is { } bad)
                violations.Add(Invalid($"{key}.segment", bad));
            if (objectives.Take(i).Any(o => o?.Metric == metric.Name && o.Segment == objective.Segment))
                violations.Add(Invalid($"{key}.metric", $"'{metric.Name}' on {objective.Segment ?? Segments.All} is a primary metric twice."));
        }
    }

    private static void Guards(IReadOnlyList<GuardMetric> guards, IReadOnlyList<GoalObjective> objectives, List<Violation> violations)
    {
        if (guards.Count > MaxGuards)
            violations.Add(Invalid("guards", $"a goal has at most {MaxGuards} guards."));
        foreach (var (guard, i) in guards.Take(MaxGuards).Select((g, i) => (g, i)))
        {
            var key = $"guards[{i}]";
            if (Metric(guard?.Metric, key, violations) is not { } metric)
                continue;
            if (guard!.Direction != metric.Direction)
                violations.Add(Invalid($"{key}.direction", $"'{metric.Name}' improves when {Word(metric.Direction)}; a guard keeps it from going the other way."));
            if (guard.MaxRelativeDegradation is null && guard.MaxAbsoluteDegradation is null && guard.Bound is null)
                violations.Add(Invalid(key, $"guard '{metric.Name}' has no limit: give maxRelativeDegradation, maxAbsoluteDegradation or bound."));
            if (guard.MaxRelativeDegradation is { } relative && (relative is < 0 or > 1 || !double.IsFinite(relative)))
                violations.Add(new Violation($"{key}.maxRelativeDegradation", ViolationRule.OutOfRange, $"a relative degradation is 0 to 1, not {Number(relative)}."));
            if (guard.MaxAbsoluteDegradation is { } absolute && (absolute < 0 || !double.IsFinite(absolute)))
                violations.Add(new Violation($"{key}.maxAbsoluteDegradation", ViolationRule.OutOfRange, $"a degradation limit is 0 or more, not {Number(absolute)}."));
            if (guard.Bound is { } bound && TargetProblem(metric, bound) is { } problem)
                violations.Add(new Violation($"{key}.bound", ViolationRule.OutOfRange, problem));
            if (guards.Take(i).Any(g => g?.Metric == metric.Name))
                violations.Add(Invalid($"{key}.metric", $"'{metric.Name}' is a guard twice."));
            if (objectives.Any(o => o?.Metric == metric.Name))
                violations.Add(Invalid($"{key}.metric", $"'{metric.Name}' is already a primary metric; a guard watches another one."));
        }
    }

    private static void Factors(IReadOnlyList<string> factors, IReadOnlyDictionary<string, ImpactFactor> catalog, List<Violation> violations)
    {
        if (factors.Count > MaxAllowedFactors)
        {
            violations.Add(Invalid("allowedFactors", $"a goal allows at most {MaxAllowedFactors} factors, not {factors.Count}."));
            return;
        }
        foreach (var (key, i) in factors.Select((f, i) => (f, i)))
        {
            if (key is null)
                violations.Add(new Violation($"allowedFactors[{i}]", ViolationRule.UnknownFactor, $"'allowedFactors[{i}]' names a factor of the catalog, not null."));
            else if (!catalog.TryGetValue(key, out var factor))
                violations.Add(new Violation($"allowedFactors[{i}]", ViolationRule.UnknownFactor,
                    $"unknown factor '{key}' (GET /api/impact-factors lists the catalog)."));
            else if (factor.Zone == FactorZone.Frozen)
                violations.Add(new Violation($"allowedFactors[{i}]", ViolationRule.FrozenFactor,
                    $"factor '{key}' is frozen: no goal may change it."));
            else if (factors.Take(i).Contains(key))
                violations.Add(Invalid($"allowedFactors[{i}]", $"factor '{key}' is listed twice."));
        }
    }

    private static void Budget(GoalBudget? budget, List<Violation> violations)
    {
        if (budget is null)
        {
            violations.Add(Invalid("budget", "a goal has a budget: experiments, simulatedDialogs, wallTimeMinutes."));
            return;
        }
        Bounded(budget.Experiments, MaxExperiments, "budget.experiments", "experiments", violations);
        Bounded(budget.SimulatedDialogs, MaxSimulatedDialogs, "budget.simulatedDialogs", "simulated dialogs", violations);
        Bounded(budget.WallTimeMinutes, MaxWallTimeMinutes, "budget.wallTimeMinutes", "minutes of wall time", violations);
    }

    private static void Bounded(int value, int max, string key, string what, List<Violation> violations)
    {
        if (value is < 1 || value > max)
            violations.Add(new Violation(key, ViolationRule.OutOfRange,
                $"a goal's budget is 1 to {max.ToString("N0", CultureInfo.InvariantCulture)} {what}, not {value.ToString(CultureInfo.InvariantCulture)}."));
    }

    private static string? TargetProblem(MetricDefinition metric, double value) =>
        !double.IsFinite(value) ? $"'{metric.Name}' needs a finite number."
        : metric.Unit == "ratio" && value is < 0 or > 1 ? $"'{metric.Name}' is a ratio from 0 to 1 (3 % is 0.03), not {Number(value)}."
        : value < 0 ? $"'{metric.Name}' is never negative, not {Number(value)}."
        : null;

    private static MetricDefinition? Metric(string? name, string key, List<Violation> violations)
    {
        if (name is null)
            violations.Add(Invalid($"{key}.metric", $"'{key}.metric' names a metric of the registry (docs/METRICS.md)."));
        else if (!MetricRegistry.TryGet(name, out var metric))
            violations.Add(Invalid($"{key}.metric", $"unknown metric '{name}' (docs/METRICS.md lists the metrics)."));
        else
            return metric;
        return null;
    }

    private static string Word(MetricDirection direction) => direction == MetricDirection.HigherIsBetter ? "higher" : "lower";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static Violation Invalid(string key, string message) => new(key, ViolationRule.InvalidDefinition, message);
}
