using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Projections.ImpactFactors;

/// <summary>Conventional Create/Apply (no Evolve) so Marten knows the event types and skips appends to other streams.</summary>
public sealed partial class ImpactFactorProjection : SingleStreamProjection<ImpactFactor, string>
{
    public static ImpactFactor Create(IEvent<FactorRegistered> e) =>
        ImpactFactor.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public ImpactFactor Apply(IEvent<FactorBoundsChanged> e, ImpactFactor current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public ImpactFactor Apply(IEvent<FactorZoneChanged> e, ImpactFactor current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };
}
