using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Projections.ImpactFactors;

public sealed partial class ImpactFactorProjection : SingleStreamProjection<ImpactFactor, string>
{
    public override ImpactFactor? Evolve(ImpactFactor? snapshot, string id, IEvent e)
    {
        var at = e.Timestamp.ToMicroseconds();
        var next = (snapshot, e.Data) switch
        {
            (null, FactorRegistered registered) => ImpactFactor.Start(registered, at),
            (not null, FactorBoundsChanged changed) => snapshot.With(changed, at),
            (not null, FactorZoneChanged changed) => snapshot.With(changed, at),
            _ => snapshot,
        };
        return next is null ? null : next with { Version = e.Version };
    }
}
