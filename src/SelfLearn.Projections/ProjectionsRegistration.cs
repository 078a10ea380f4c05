using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using SelfLearn.Domain.Datasets;
using SelfLearn.Domain.Simulations;
using SelfLearn.Projections.Configuration;
using SelfLearn.Projections.Datasets;
using SelfLearn.Projections.Experiments;
using SelfLearn.Projections.ImpactFactors;
using SelfLearn.Projections.Simulations;

namespace SelfLearn.Projections;

public static class ProjectionsRegistration
{
    /// <summary>Every projection, in the order a full rebuild runs them.</summary>
    public static IReadOnlyList<Type> ProjectionTypes { get; } =
    [
        typeof(ImpactFactorProjection), typeof(DeploymentProjection), typeof(ConfigVersionProjection),
        typeof(ConfigPeriodProjection), typeof(ChangeLogProjection), typeof(ExperimentProjection), typeof(GoldenDatasetProjection),
        typeof(SimulationProjection),
    ];

    public static StoreOptions AddSelfLearnProjections(this StoreOptions options)
    {
        options.Events.StreamIdentity = StreamIdentity.AsString;
        // Rich appends give inline projections the stream version and global sequence they record.
        options.Events.AppendMode = EventAppendMode.Rich;
        // Versions and change-log rows are insert-only (one new document per event), so rebuilds can COPY them.
        options.Projections.RebuildWithBulkCopy = true;

        options.Projections.Add(new ImpactFactorProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new DeploymentProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ConfigVersionProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ConfigPeriodProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ChangeLogProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ExperimentProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new GoldenDatasetProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new SimulationProjection(), ProjectionLifecycle.Inline);

        options.Schema.For<ConfigVersionView>().Index(x => new { x.DeploymentId, x.ConfigVersion });
        options.Schema.For<ConfigPeriod>().Index(x => new { x.DeploymentId, x.ValidFromTicks });
        options.Schema.For<ChangeLogEntry>().Index(x => new { x.DeploymentId, x.Factor, x.AtTicks });
        options.Schema.For<ChangeLogEntry>().Index(x => new { x.DeploymentId, x.AtTicks });
        options.Schema.For<Simulation>().Index(x => x.Plan.ExperimentId);
        // Dataset contents are written once and read by id; they are not projections, so rebuilds leave them alone.
        options.Schema.For<DatasetContent>();
        return options;
    }
}
