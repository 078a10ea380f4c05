using System.Globalization;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Autonomy;

/// <summary>
/// A policy may only narrow the impact-factor catalog: its autonomous factors must be known, in the auto zone and within
/// the catalog's bounds or allowed values; a factor that always needs approval must be one that can be changed at all.
/// Every problem is listed; a refused policy appends nothing.
/// </summary>
public static class SetAutonomyPolicy
{
    public const int MaxPeriodHours = 24 * 366;
    public const int MaxPerPeriod = 1000;

    /// <summary>Entries in 'autonomous' and in 'alwaysApprove' each; bounds the work and the refusal's length.</summary>
    public const int MaxFactors = 100;

    public static Decision Decide(
        string deploymentId, DeploymentAutonomy? current, AutonomyPolicy policy, IReadOnlyDictionary<string, ImpactFactor> catalog, string reason, string by)
    {
        var violations = new List<Violation>(ProposalRules.Text(reason, "reason"));
        if (policy.Autonomous.Count > MaxFactors || policy.AlwaysApprove.Count > MaxFactors)
            violations.Add(Invalid("autonomous", $"'autonomous' and 'alwaysApprove' list at most {MaxFactors} factors each."));
        else
        {
            violations.AddRange(AutonomousFactors(policy.Autonomous, catalog));
            violations.AddRange(AlwaysApprove(policy, catalog));
        }
        violations.AddRange(Limit(policy.Activations, "activations"));
        violations.AddRange(Limit(policy.Rollbacks, "rollbacks"));
        return violations.Count > 0
            ? Decision.Reject(violations)
            : Decision.Accept(new AutonomyPolicySet(deploymentId, (current?.PolicyVersion ?? 0) + 1, policy, reason, by));
    }

    private static IEnumerable<Violation> AutonomousFactors(IReadOnlyList<AutonomousFactor> factors, IReadOnlyDictionary<string, ImpactFactor> catalog)
    {
        foreach (var repeated in factors.GroupBy(f => f.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return Invalid($"autonomous.{repeated.Key}", $"{repeated.Key} is listed more than once in 'autonomous'.");
        foreach (var factor in factors)
        {
            if (!catalog.TryGetValue(factor.Key, out var known))
            {
                yield return new Violation(factor.Key, ViolationRule.UnknownFactor, $"{ProposalRules.Short(factor.Key)} is not in the impact-factor catalog.");
                continue;
            }
            if (known.Zone == FactorZone.Frozen)
                yield return new Violation(factor.Key, ViolationRule.FrozenFactor,
                    $"{factor.Key} is frozen in the catalog: a policy cannot let the loop change it.");
            else if (known.Zone == FactorZone.Manual)
                yield return new Violation(factor.Key, ViolationRule.ApprovalRequired,
                    $"{factor.Key} is in the catalog's manual zone: a policy cannot let the loop change it without an approval.");
            foreach (var violation in Range(factor, known))
                yield return violation;
        }
    }

    private static IEnumerable<Violation> Range(AutonomousFactor factor, ImpactFactor known)
    {
        var numeric = known.Type is FactorType.Int or FactorType.Float;
        if (!numeric && (factor.Min is not null || factor.Max is not null))
            yield return Invalid(factor.Key, $"{factor.Key} is not a number: give it 'allowedValues', not 'min' or 'max'.");
        if (known.Type is not (FactorType.Enum or FactorType.Text) && factor.AllowedValues is not null)
            yield return Invalid(factor.Key, $"{factor.Key} is not an enum or a text: 'allowedValues' does not apply to it.");
        if (factor.Min is { } min && known.Bounds.Min is { } catalogMin && min < catalogMin)
            yield return Wider(factor.Key, $"min {Show(min)} is below the catalog's min {Show(catalogMin)}.");
        if (factor.Max is { } max && known.Bounds.Max is { } catalogMax && max > catalogMax)
            yield return Wider(factor.Key, $"max {Show(max)} is above the catalog's max {Show(catalogMax)}.");
        if (factor is { Min: { } low, Max: { } high } && low > high)
            yield return Invalid(factor.Key, $"{factor.Key}: min {Show(low)} is above max {Show(high)}.");
        if (factor.AllowedValues is { Count: > FactorLimits.MaxAllowedValues })
            yield return Invalid(factor.Key, $"{factor.Key}: 'allowedValues' names at most {FactorLimits.MaxAllowedValues} values.");
        else if (factor.AllowedValues is { } values)
        {
            if (values.Count == 0)
                yield return Invalid(factor.Key, $"{factor.Key}: 'allowedValues' names at least one value (leave it out to allow the catalog's).");
            var outside = known.Bounds.AllowedValues is { Count: > 0 } catalogValues
                ? values.Where(v => !catalogValues.Contains(v, StringComparer.Ordinal)).ToList()
                : [];
            if (outside.Count > 0)
                yield return Wider(factor.Key, $"allowed values {string.Join(", ", outside.Select(v => $"\"{ProposalRules.Short(v)}\""))} are not among the catalog's.");
        }
    }

    private static IEnumerable<Violation> AlwaysApprove(AutonomyPolicy policy, IReadOnlyDictionary<string, ImpactFactor> catalog)
    {
        var autonomous = policy.Autonomous.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in policy.AlwaysApprove.Distinct(StringComparer.Ordinal))
        {
            if (!catalog.TryGetValue(key, out var known))
                yield return new Violation(key, ViolationRule.UnknownFactor, $"{ProposalRules.Short(key)} is not in the impact-factor catalog.");
            else if (known.Zone == FactorZone.Frozen)
                yield return new Violation(key, ViolationRule.FrozenFactor,
                    $"{key} is frozen in the catalog: not even an approval may change it, so it cannot be in 'alwaysApprove'.");
            if (autonomous.Contains(key))
                yield return Invalid(key, $"{key} is both in 'autonomous' and in 'alwaysApprove': choose one.");
        }
    }

    private static IEnumerable<Violation> Limit(PeriodLimit? limit, string name)
    {
        if (limit is null)
            yield return Invalid(name, $"'{name}' is required: {{max, periodHours}}.");
        else if (limit.Max is < 0 or > MaxPerPeriod || limit.PeriodHours is < 1 or > MaxPeriodHours)
            yield return Invalid(name, $"'{name}' allows 0-{MaxPerPeriod} per period of 1-{MaxPeriodHours} hours.");
    }

    private static Violation Wider(string key, string detail) =>
        new(key, ViolationRule.WiderThanCatalog, $"{key}: the policy may only narrow the catalog, and its {detail}");

    private static Violation Invalid(string key, string message) => new(key, ViolationRule.InvalidDefinition, message);

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
