using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// Which factors of a change need a person before the loop may activate it: those in the catalog's manual zone, and
/// those the meta-user reserved for approval (<paramref name="approvalFactors"/>: until the autonomy policy of issue #12
/// lands, the <c>Manager:Cycles:ApprovalFactors</c> setting). Empty: the change is in the loop's own zone.
/// </summary>
public static class CycleApprovals
{
    public static IReadOnlyList<string> FactorsNeedingApproval(
        IReadOnlyList<ParameterChange> changes, IReadOnlyDictionary<string, ImpactFactor> catalog, IReadOnlyCollection<string> approvalFactors)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(approvalFactors);
        return [.. changes.Select(c => c.Key)
            .Where(k => (catalog.TryGetValue(k, out var f) && f.Zone != FactorZone.Auto) || approvalFactors.Contains(k))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>One approval per cycle: the cycle changes at most one recommendation's change set.</summary>
    public static string ApprovalId(string cycleId) => $"apr-{cycleId}";
}
