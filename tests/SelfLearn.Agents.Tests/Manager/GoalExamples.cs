using System.Globalization;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tests.Manager;

/// <summary>The example tables of docs/GOALS.md, and the notation their cells are written in.</summary>
internal static class GoalExamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static IReadOnlyDictionary<string, ImpactFactor> Catalog { get; } =
        SelfLearn.Domain.Tuner.Catalog.ByKey(DefaultCatalog.Factors.Select(f => ImpactFactor.Create(f, Now)));

    public static bool DeploymentExists(string id) => id is "default" or "staging";

    /// <summary>The rows of the table under a heading: cells between pipes, header and separator skipped.</summary>
    public static IEnumerable<string[]> Table(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(Repository(), "docs", "GOALS.md"));
        return lines.SkipWhile(l => l != heading).Skip(1).SkipWhile(l => !l.StartsWith('|')).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray());
    }

    public static string Primary(FormalGoal goal) =>
        string.Join("; ", goal.Primary.Select(p => string.Join(" ", new[] { p.Metric, Word(p.Direction), Number(p.Target), p.Segment }.OfType<string>())));

    public static string Guards(FormalGoal goal) => goal.Guards.Count == 0 ? "—" : string.Join("; ", goal.Guards.Select(g =>
        g.Bound is { } bound ? $"{g.Metric} bound {Number(bound)}"
        : g.MaxRelativeDegradation is { } relative ? $"{g.Metric} relative {Number(relative)}"
        : $"{g.Metric} absolute {Number(g.MaxAbsoluteDegradation)}"));

    public static string Factors(FormalGoal goal) => goal.AllowedFactors.Count == 0 ? "any" : string.Join(", ", goal.AllowedFactors);

    public static string Budget(FormalGoal goal) => $"{goal.Budget.Experiments}/{goal.Budget.SimulatedDialogs}/{goal.Budget.WallTimeMinutes}";

    public static string Language(FormalGoal goal) => goal.Language == GoalLanguage.Russian ? "ru" : "en";

    public static string Messages(IEnumerable<Violation> violations) => string.Join(" ", violations.Select(v => v.Message));

    private static string Word(MetricDirection direction) => direction == MetricDirection.HigherIsBetter ? "higher" : "lower";

    private static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SelfLearn.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"No SelfLearn.sln above {AppContext.BaseDirectory}.");
    }
}
