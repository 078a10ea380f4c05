using JasperFx.Events.Projections;
using Marten;
using SelfLearn.Domain.Experiments;

namespace SelfLearn.Projections.Experiments;

public static class ExperimentsRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(ExperimentProjection), typeof(LiveSplitProjection)];

    public static StoreOptions AddExperiments(this StoreOptions options)
    {
        options.Projections.Add(new ExperimentProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new LiveSplitProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Experiment>().Index(x => x.Status);
        options.Schema.For<LiveSplit>().Index(x => x.ExperimentId);
        return options;
    }
}
