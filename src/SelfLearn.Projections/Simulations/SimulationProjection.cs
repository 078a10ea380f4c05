using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Projections.Simulations;

public sealed partial class SimulationProjection : SingleStreamProjection<Simulation, string>
{
    public static Simulation Create(IEvent<SimulationStarted> e) =>
        Simulation.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Simulation Apply(IEvent<SimulationFinished> e, Simulation current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Simulation Apply(IEvent<SimulationAbandoned> e, Simulation current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };
}
