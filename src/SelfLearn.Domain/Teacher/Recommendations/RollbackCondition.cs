using System.Globalization;
using System.Text.Json.Serialization;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Teacher.Recommendations;

/// <summary>How a rule's window is judged: against the baseline before the activation, or against a fixed limit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleComparison>))]
public enum RuleComparison
{
    /// <summary>Worse than the baseline's mean by more than <see cref="RollbackCondition.MaxDrop"/> (a share of it).</summary>
    [JsonStringEnumMemberName("relative")] Relative,
    /// <summary>Worse than <see cref="RollbackCondition.Limit"/>, in the metric's unit.</summary>
    [JsonStringEnumMemberName("absolute")] Absolute,
}

/// <summary>
/// When an applied change is to be undone (docs/DEGRADATION_RULES.md): <see cref="Metric"/> is worse than its reference
/// for <see cref="Windows"/> consecutive evaluation windows. By default (<see cref="RuleComparison.Relative"/>) the
/// reference is the baseline window before the activation and "worse" means by more than <see cref="MaxDrop"/>, a share of
/// it in the metric's bad direction (0.1 = 10 % worse); <see cref="RuleComparison.Absolute"/> compares with
/// <see cref="Limit"/> instead. Recommendations carry it, an activation arms it, and the meta-user's own degradation rules
/// use the same record, so it is checked in one place. The optional fields are left out of stored JSON when unset, so
/// conditions written before them read as before.
/// </summary>
public sealed record RollbackCondition(string Metric, double MaxDrop, int Windows)
{
    public const double MaxMaxDrop = 10;
    public const int MaxWindows = 100;
    public const int MaxWindowSeconds = 7 * 86_400;
    public const int DefaultMinSamples = 30;
    public const int MaxMinSamples = 1_000_000;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RuleComparison? Comparison { get; init; }

    /// <summary>The absolute limit, in the metric's unit; only with <see cref="RuleComparison.Absolute"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Limit { get; init; }

    /// <summary>The length of one evaluation window; a multiple of <c>Online:WindowSeconds</c>, one base window when unset.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? WindowSeconds { get; init; }

    /// <summary>Samples a window (and the baseline) needs before it is judged at all; <see cref="DefaultMinSamples"/> when unset.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MinSamples { get; init; }

    [JsonIgnore]
    public RuleComparison EffectiveComparison => Comparison ?? RuleComparison.Relative;

    [JsonIgnore]
    public int EffectiveMinSamples => MinSamples ?? DefaultMinSamples;

    /// <summary>The window length in seconds: <see cref="WindowSeconds"/> rounded up to whole base windows.</summary>
    public int WindowLength(int baseWindowSeconds) =>
        WindowSeconds is { } seconds ? (seconds + baseWindowSeconds - 1) / baseWindowSeconds * baseWindowSeconds : baseWindowSeconds;

    /// <summary>With <paramref name="baseWindowSeconds"/>, a window length must also be a whole number of base windows.</summary>
    public IEnumerable<Violation> Check(string path, int? baseWindowSeconds = null)
    {
        if (!MetricRegistry.IsKnown(Metric ?? ""))
            yield return ProposalRules.UnknownMetric($"{path}.metric", Metric ?? "");
        if (EffectiveComparison == RuleComparison.Relative)
        {
            if (!double.IsFinite(MaxDrop) || MaxDrop <= 0 || MaxDrop > MaxMaxDrop)
                yield return ProposalRules.Invalid($"{path}.maxDrop",
                    string.Create(CultureInfo.InvariantCulture, $"maxDrop is a share of the reference value above 0 and at most {MaxMaxDrop}, got {MaxDrop}."));
            if (Limit is not null)
                yield return ProposalRules.Invalid($"{path}.limit", "limit is only for comparison 'absolute'; a relative rule names maxDrop.");
        }
        else
        {
            if (Limit is not { } limit || !double.IsFinite(limit))
                yield return ProposalRules.Invalid($"{path}.limit", "comparison 'absolute' needs a finite limit, in the metric's unit.");
            if (MaxDrop != 0)
                yield return ProposalRules.Invalid($"{path}.maxDrop", "maxDrop is only for comparison 'relative'; an absolute rule names limit.");
        }
        if (Windows is < 1 or > MaxWindows)
            yield return ProposalRules.Invalid($"{path}.windows", $"windows is 1 to {MaxWindows} consecutive evaluation windows, got {Windows}.");
        if (WindowSeconds is { } seconds && (seconds < 1 || seconds > MaxWindowSeconds || seconds % (baseWindowSeconds ?? 1) != 0))
            yield return ProposalRules.Invalid($"{path}.windowSeconds", baseWindowSeconds is { } based
                ? $"windowSeconds is a multiple of the base window ({based} s) up to {MaxWindowSeconds}, got {seconds}."
                : $"windowSeconds is 1 to {MaxWindowSeconds}, got {seconds}.");
        if (MinSamples is < 1 or > MaxMinSamples)
            yield return ProposalRules.Invalid($"{path}.minSamples", $"minSamples is 1 to {MaxMinSamples}, got {MinSamples}.");
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
