using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Projections.Simulations;

public sealed class SimulationProjection : SingleStreamProjection<Simulation, string>
{
    public override Simulation? Evolve(Simulation? snapshot, string id, IEvent e) => (snapshot, e.Data) switch
    {
        (null, SimulationStarted started) => Simulation.Start(started, e.Timestamp.ToMicroseconds()) with { Version = e.Version },
        ({ } simulation, SimulationFinished finished) => simulation.With(finished, e.Timestamp.ToMicroseconds()) with { Version = e.Version },
        ({ } simulation, SimulationAbandoned abandoned) => simulation.With(abandoned, e.Timestamp.ToMicroseconds()) with { Version = e.Version },
        _ => snapshot,
    };
}
