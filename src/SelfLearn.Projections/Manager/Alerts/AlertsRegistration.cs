using JasperFx.Events.Projections;
using Marten;
using SelfLearn.Domain.Manager.Alerts;

namespace SelfLearn.Projections.Manager.Alerts;

public static class AlertsRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(AlertProjection)];

    public static StoreOptions AddAlerts(this StoreOptions options)
    {
        options.Projections.Add(new AlertProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Alert>().Index(x => x.State).Index(x => x.Kind).Index(x => x.DeploymentId).Index(x => x.RaisedAt);
        return options;
    }
}
