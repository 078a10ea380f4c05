using System.Globalization;

namespace SelfLearn.Web.Online;

/// <summary>
/// A rule's limit drawn on a metric's chart over [From, To): an absolute rule's limit across the whole chart, and each
/// limit a relative rule was judged against in the latest evaluation (its baseline × (1 ± maxDrop)), over that window.
/// </summary>
public sealed record Threshold(string Rule, double Limit, DateTimeOffset? From, DateTimeOffset? To)
{
    public static IReadOnlyList<Threshold> For(string metric, RulesAnswer? rules, EvaluationReport? evaluation)
    {
        var absolute = (rules?.Global ?? []).Concat(rules?.Armed?.Rules ?? [])
            .Where(r => r.Rule.Metric == metric && r.Rule.IsAbsolute && r.Rule.Limit is not null)
            .Select(r => new Threshold(r.Name, r.Rule.Limit!.Value, null, null));
        var judged = (evaluation?.Rules ?? [])
            .Where(r => r.Condition.Metric == metric && !r.Condition.IsAbsolute)
            .SelectMany(r => r.Windows.Where(w => w.Limit is not null).Select(w => new Threshold(r.Rule, w.Limit!.Value, w.Start, w.End)));
        return [.. absolute, .. judged];
    }

    public string Describe() => From is { } from
        ? string.Create(CultureInfo.InvariantCulture, $"{Rule}: limit {Math.Round(Limit, 6)} from {from:O}")
        : string.Create(CultureInfo.InvariantCulture, $"{Rule}: limit {Math.Round(Limit, 6)}");
}
