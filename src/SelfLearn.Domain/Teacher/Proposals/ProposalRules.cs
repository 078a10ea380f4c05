using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Teacher.Proposals;

/// <summary>Checks hypotheses and recommendations share: their id, texts, expected effects and evidence.</summary>
public static class ProposalRules
{
    public static IEnumerable<Violation> Id(string id)
    {
        if (!OpenDeployment.IdPattern().IsMatch(id))
            yield return Invalid("id", "an id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit.");
    }

    public static IEnumerable<Violation> Text(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
            yield return Invalid(key, $"'{key}' is required.");
        else if (value.Length > ProposalLimits.MaxText)
            yield return Invalid(key, $"'{key}' is longer than {ProposalLimits.MaxText} characters.");
    }

    public static IEnumerable<Violation> Effects(IReadOnlyDictionary<string, MetricEffect>? effects)
    {
        if (effects is not { Count: > 0 })
        {
            yield return Invalid("expectedEffect", "'expectedEffect' names at least one metric and whether it goes up, down or stays the same.");
            yield break;
        }
        if (effects.Count > ProposalLimits.MaxEffects)
            yield return Invalid("expectedEffect", $"'expectedEffect' names at most {ProposalLimits.MaxEffects} metrics.");
        foreach (var metric in effects.Keys.Where(m => !MetricRegistry.IsKnown(m)).Order(StringComparer.Ordinal).Take(ProposalLimits.MaxEffects))
            yield return UnknownMetric($"expectedEffect.{Short(metric)}", metric);
        foreach (var (metric, _) in effects.Where(e => !Enum.IsDefined(e.Value)).Take(ProposalLimits.MaxEffects))
            yield return Invalid($"expectedEffect.{Short(metric)}", "an expected effect is \"up\", \"down\" or \"same\".");
    }

    public static IEnumerable<Violation> Evidence(IReadOnlyList<string>? evidence, bool required)
    {
        if (required && evidence is not { Count: > 0 })
            yield return Invalid("evidence", "'evidence' names at least one experiment, verdict or observation the proposal rests on.");
        if (evidence is null)
            yield break;
        if (evidence.Count > ProposalLimits.MaxEvidence)
            yield return Invalid("evidence", $"'evidence' holds at most {ProposalLimits.MaxEvidence} items.");
        else if (evidence.Any(e => string.IsNullOrWhiteSpace(e) || e.Length > ProposalLimits.MaxEvidenceLength))
            yield return Invalid("evidence", $"each evidence item is 1 to {ProposalLimits.MaxEvidenceLength} characters.");
    }

    /// <summary>An optional reference to another record (experiment, hypothesis, approval).</summary>
    public static IEnumerable<Violation> Reference(string? value, string key)
    {
        if (value is not null && (string.IsNullOrWhiteSpace(value) || value.Length > ProposalLimits.MaxEvidenceLength))
            yield return Invalid(key, $"'{key}' is 1 to {ProposalLimits.MaxEvidenceLength} characters when given.");
    }

    public static Violation UnknownMetric(string key, string metric) =>
        Invalid(key, $"'{Short(metric)}' is not a metric of docs/METRICS.md.");

    public static Violation Invalid(string key, string message) => new(key, ViolationRule.InvalidDefinition, message);

    /// <summary>A name as sent, cut short: a message must not grow with a hostile input.</summary>
    public static string Short(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
