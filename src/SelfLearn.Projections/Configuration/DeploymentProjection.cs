using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Projections.Configuration;

/// <summary>The deployment aggregate, kept inline: it is also the "active config" read model.</summary>
public sealed partial class DeploymentProjection : SingleStreamProjection<Deployment, string>
{
    public static Deployment Create(IEvent<ConfigVersionCreated> e) =>
        Deployment.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Deployment Apply(IEvent<ConfigVersionCreated> e, Deployment current) =>
        current.Apply(e.Data) with { Version = e.Version };

    public Deployment Apply(IEvent<ConfigVersionActivated> e, Deployment current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Deployment Apply(IEvent<ConfigRolledBack> e, Deployment current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Deployment Apply(IEvent<VersionPinned> e, Deployment current) => current.Apply(e.Data) with { Version = e.Version };

    public Deployment Apply(IEvent<VersionUnpinned> e, Deployment current) => current.Apply(e.Data) with { Version = e.Version };
}
