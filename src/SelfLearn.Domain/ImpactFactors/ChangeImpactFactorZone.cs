using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.ImpactFactors;

/// <summary>Moves a factor between the auto, manual and frozen zones; moving it to its own zone is a conflict.</summary>
public static class ChangeImpactFactorZone
{
    public static Decision Decide(ImpactFactor factor, FactorZone zone, string reason, string by) =>
        factor.Zone == zone
            ? Decision.Refuse($"{factor.Key} is already in the {zone.ToString().ToLowerInvariant()} zone.")
            : Decision.Accept(new FactorZoneChanged(factor.Key, factor.Zone, zone, reason, by));
}
