using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Autonomy;

/// <summary>
/// A configuration write the Manager's loop makes alone, with no approval: the deployment's policy and how many
/// activations it had in the policy's period. The Tuner then refuses what the policy keeps for a human.
/// </summary>
public sealed record LoopWrite(AutonomyPolicy Policy, int ActivationsInPeriod)
{
    /// <summary>
    /// One <c>outside-autonomy</c> violation per reason the policy gives (the catalog's own refusals and the manual zone
    /// are the Tuner's other rules); the activation limit counts only for an activation.
    /// </summary>
    public IEnumerable<Violation> Check(IReadOnlyDictionary<string, ImpactFactor> catalog, IReadOnlyList<ParameterChange> changeSet, bool activating)
    {
        var changes = changeSet.Where(c => c.To is not null).ToDictionary(c => c.Key, c => c.To!.Value, StringComparer.Ordinal);
        var verdict = AutonomyCheck.Evaluate(Policy, catalog, changes, activating ? ActivationsInPeriod : 0);
        return verdict.Reasons
            .Where(r => r.Code is AutonomyReasons.AlwaysApprove or AutonomyReasons.NotAutonomous or AutonomyReasons.OutsidePolicyRange
                || (activating && r.Code == AutonomyReasons.ActivationLimit))
            .Select(r => new Violation(r.Key, ViolationRule.OutsideAutonomy, r.Message));
    }
}
