using JasperFx.Events.Projections;
using Marten;
using SelfLearn.Domain.Manager.Cycles;

namespace SelfLearn.Projections.Manager.Cycles;

public static class CyclesRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(CycleProjection)];

    public static StoreOptions AddCycles(this StoreOptions options)
    {
        options.Projections.Add(new CycleProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Cycle>().Index(x => x.Status).Index(x => x.GoalId);
        return options;
    }
}
