using JasperFx.Events.Projections;
using Marten;

namespace SelfLearn.Projections.Experiments;

public static class ExperimentsRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(ExperimentProjection)];

    public static StoreOptions AddExperiments(this StoreOptions options)
    {
        options.Projections.Add(new ExperimentProjection(), ProjectionLifecycle.Inline);
        return options;
    }
}
