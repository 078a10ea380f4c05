using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// A cycle starts from a goal the deployment can serve: the deployment exists, every metric is in the registry (and
/// every segment is one of <see cref="Segments"/>), every allowed factor is in the catalog and not frozen, and the
/// budget allows at least one experiment on at least one dialog. Every problem is listed; none means the start event.
/// </summary>
public static class StartCycle
{
    public const int MaxExperiments = 10;

    /// <summary>Room for the experiment and hypothesis ids derived from it ("-e10") within the 63 characters of an id.</summary>
    public const int MaxIdLength = 56;

    public static (CycleStarted? Started, IReadOnlyList<string> Problems) Decide(
        string cycleId, string goalId, FormalGoal goal, int? activeVersion, IReadOnlyDictionary<string, ImpactFactor> catalog, string by)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<string>();
        if (cycleId.Length > MaxIdLength || !Configuration.OpenDeployment.IdPattern().IsMatch(cycleId))
            problems.Add($"a cycle id is 1-{MaxIdLength} lower-case letters, digits, '-' or '_', starting with a letter or digit.");
        if (string.IsNullOrWhiteSpace(goalId))
            problems.Add("'goalId' is required.");
        if (activeVersion is null)
            problems.Add($"no deployment '{goal.Deployment}'.");
        if (goal.Primary is null || goal.Primary.Count == 0)
            problems.Add("the goal names no primary metric.");
        if (goal.Primary?.Count > GoalRules.MaxObjectives || goal.Guards?.Count > GoalRules.MaxGuards || goal.AllowedFactors?.Count > GoalRules.MaxAllowedFactors)
        {
            problems.Add($"a goal has 1 to {GoalRules.MaxObjectives} primary metrics, at most {GoalRules.MaxGuards} guards and at most {GoalRules.MaxAllowedFactors} allowed factors.");
            return (null, problems);
        }
        foreach (var objective in goal.Primary ?? [])
        {
            if (objective?.Metric is null)
                problems.Add("every primary metric names a metric of docs/METRICS.md; one names none.");
            else if (!MetricRegistry.IsKnown(objective.Metric))
                problems.Add($"'{objective.Metric}' is not a metric of docs/METRICS.md.");
            else if (objective.Segment is { } segment && Segments.Validate(segment) is { } wrong)
                problems.Add(wrong);
        }
        foreach (var guard in goal.Guards ?? [])
            if (guard?.Metric is null)
                problems.Add("every guard names a metric of docs/METRICS.md; one names none.");
            else if (!MetricRegistry.IsKnown(guard.Metric))
                problems.Add($"guard '{guard.Metric}' is not a metric of docs/METRICS.md.");
        foreach (var factor in goal.AllowedFactors ?? [])
        {
            if (factor is null)
                problems.Add("'allowedFactors' holds null where a factor key belongs.");
            else if (!catalog.TryGetValue(factor, out var known))
                problems.Add($"'{factor}' is not an impact factor of the catalog.");
            else if (known.Zone == FactorZone.Frozen)
                problems.Add($"{factor} is frozen: no cycle may change it.");
        }
        if (goal.Budget is null || goal.Budget.Experiments is < 1 or > MaxExperiments)
            problems.Add($"the budget's 'experiments' must be 1 to {MaxExperiments}.");
        if (goal.Budget is { SimulatedDialogs: < 1 })
            problems.Add("the budget's 'simulatedDialogs' must be at least 1.");
        if (goal.Budget is { WallTimeMinutes: < 1 })
            problems.Add("the budget's 'wallTimeMinutes' must be at least 1.");
        return problems.Count > 0 || activeVersion is not { } version
            ? (null, problems)
            : (new CycleStarted(cycleId, goalId, goal, goal.Deployment, version, by), []);
    }
}
