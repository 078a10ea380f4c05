using JasperFx.Events.Projections;
using Marten;

namespace SelfLearn.Projections.Configuration;

public static class ConfigurationRegistration
{
    public static IReadOnlyList<Type> Projections { get; } =
        [typeof(DeploymentProjection), typeof(ConfigVersionProjection), typeof(ConfigPeriodProjection), typeof(ChangeLogProjection)];

    public static StoreOptions AddConfiguration(this StoreOptions options)
    {
        options.Projections.Add(new DeploymentProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ConfigVersionProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ConfigPeriodProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ChangeLogProjection(), ProjectionLifecycle.Inline);

        options.Schema.For<ConfigVersionView>().Index(x => new { x.DeploymentId, x.ConfigVersion });
        options.Schema.For<ConfigPeriod>().Index(x => new { x.DeploymentId, x.ValidFromTicks });
        options.Schema.For<ChangeLogEntry>().Index(x => new { x.DeploymentId, x.Factor, x.AtTicks });
        options.Schema.For<ChangeLogEntry>().Index(x => new { x.DeploymentId, x.AtTicks });
        return options;
    }
}
