using JasperFx.Events.Projections;
using Marten;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Projections.Simulations;

public static class SimulationsRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(SimulationProjection)];

    public static StoreOptions AddSimulations(this StoreOptions options)
    {
        options.Projections.Add(new SimulationProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Simulation>().Index(x => x.Plan.ExperimentId);
        return options;
    }
}
