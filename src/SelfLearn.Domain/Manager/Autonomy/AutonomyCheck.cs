using System.Globalization;
using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Autonomy;

public static class AutonomyReasons
{
    /// <summary>The catalog refuses the change even with an approval (unknown or frozen factor, a value outside its bounds).</summary>
    public const string OutsideCatalog = "outside-catalog";
    public const string ManualZone = "manual-zone";
    public const string AlwaysApprove = "always-approve";
    public const string NotAutonomous = "not-autonomous";
    public const string OutsidePolicyRange = "outside-policy-range";
    public const string ActivationLimit = "activation-limit";
    public const string RollbackLimit = "rollback-limit";
}

/// <summary>One reason a change cannot simply go ahead: the factor (or "activations"/"rollbacks"), a code from <see cref="AutonomyReasons"/>, and why.</summary>
public sealed record AutonomyReason(string Key, string Code, string Message);

/// <summary>
/// What the policy and the catalog say about a change set. <see cref="WithinCatalog"/> false: nobody may make it.
/// <see cref="NeedsApproval"/>: a human must approve it (manual zone, listed in alwaysApprove, or not an autonomous factor).
/// <see cref="FitsPolicy"/> false: the values leave the policy's ranges or the period's activations are used up, so it
/// also waits for a human. The loop applies a change alone only when <see cref="MayApplyWithoutApproval"/>.
/// </summary>
public sealed record AutonomyVerdict(bool WithinCatalog, bool NeedsApproval, bool FitsPolicy, IReadOnlyList<AutonomyReason> Reasons)
{
    public bool MayApplyWithoutApproval => WithinCatalog && !NeedsApproval && FitsPolicy;
}

/// <summary>The pure check the Tuner's callers (the cycle) run before applying a change without a human.</summary>
public static class AutonomyCheck
{
    /// <param name="changes">Factor → the value the change sets.</param>
    /// <param name="activationsInPeriod">Activations of the deployment within the last <c>policy.Activations.PeriodHours</c> hours.</param>
    public static AutonomyVerdict Evaluate(
        AutonomyPolicy policy,
        IReadOnlyDictionary<string, ImpactFactor> catalog,
        IReadOnlyDictionary<string, JsonElement> changes,
        int activationsInPeriod)
    {
        var reasons = new List<AutonomyReason>();
        var autonomous = policy.Autonomous.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var alwaysApprove = policy.AlwaysApprove.ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!catalog.TryGetValue(key, out var factor))
            {
                reasons.Add(new(key, AutonomyReasons.OutsideCatalog, $"{key} is not in the impact-factor catalog."));
                continue;
            }
            var catalogViolations = FactorValueRules.Check(key, factor.Type, factor.Bounds, value).ToList();
            reasons.AddRange(catalogViolations.Select(v => new AutonomyReason(key, AutonomyReasons.OutsideCatalog, v.Message)));
            if (factor.Zone == FactorZone.Frozen)
                reasons.Add(new(key, AutonomyReasons.OutsideCatalog, $"{key} is frozen: no version may change it."));
            else if (factor.Zone == FactorZone.Manual)
                reasons.Add(new(key, AutonomyReasons.ManualZone, $"{key} is in the catalog's manual zone: a change needs an approval."));
            else if (alwaysApprove.Contains(key))
                reasons.Add(new(key, AutonomyReasons.AlwaysApprove, $"the autonomy policy says a change to {key} always needs an approval."));
            else if (!autonomous.TryGetValue(key, out var allowed))
                reasons.Add(new(key, AutonomyReasons.NotAutonomous, $"{key} is not among the policy's autonomous factors: a change needs an approval."));
            else if (catalogViolations.Count == 0 && OutsidePolicy(allowed, value) is { } outside)
                reasons.Add(new(key, AutonomyReasons.OutsidePolicyRange, outside));
        }
        if (activationsInPeriod >= policy.Activations.Max)
            reasons.Add(new("activations", AutonomyReasons.ActivationLimit,
                $"{activationsInPeriod} activations in the last {policy.Activations.PeriodHours} h: the policy allows {policy.Activations.Max} without an approval."));

        return new AutonomyVerdict(
            reasons.All(r => r.Code != AutonomyReasons.OutsideCatalog),
            reasons.Any(r => r.Code is AutonomyReasons.ManualZone or AutonomyReasons.AlwaysApprove or AutonomyReasons.NotAutonomous),
            reasons.All(r => r.Code is not (AutonomyReasons.OutsidePolicyRange or AutonomyReasons.ActivationLimit)),
            reasons);
    }

    /// <summary>Whether the loop may roll back on its own: fewer than the policy's rollbacks in the period so far.</summary>
    public static AutonomyReason? RollBack(AutonomyPolicy policy, int rollbacksInPeriod) =>
        rollbacksInPeriod >= policy.Rollbacks.Max
            ? new("rollbacks", AutonomyReasons.RollbackLimit,
                $"{rollbacksInPeriod} rollbacks in the last {policy.Rollbacks.PeriodHours} h: the policy allows {policy.Rollbacks.Max} without a human.")
            : null;

    private static string? OutsidePolicy(AutonomousFactor allowed, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            if (allowed.Min is { } min && number < min || allowed.Max is { } max && number > max)
                return $"{allowed.Key} = {value.GetRawText()} is outside the policy's range [{Show(allowed.Min)}, {Show(allowed.Max)}]: a change needs an approval.";
        }
        else if (value.ValueKind == JsonValueKind.String && allowed.AllowedValues is { } values && !values.Contains(value.GetString()!, StringComparer.Ordinal))
            return $"{allowed.Key} = {value.GetRawText()} is not among the policy's values ({string.Join(", ", values)}): a change needs an approval.";
        return null;
    }

    private static string Show(decimal? bound) => bound?.ToString(CultureInfo.InvariantCulture) ?? "catalog";
}
