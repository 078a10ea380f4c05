using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Projections.Configuration;

/// <summary>The deployment aggregate, kept inline: it is also the "active config" read model.</summary>
public sealed partial class DeploymentProjection : SingleStreamProjection<Deployment, string>
{
    public override Deployment? Evolve(Deployment? snapshot, string id, IEvent e)
    {
        var at = e.Timestamp.ToMicroseconds();
        return (snapshot, e.Data) switch
        {
            (null, ConfigVersionCreated created) => Deployment.Start(created, e.Version, at),
            (not null, ConfigVersionCreated created) => snapshot.With(created, e.Version),
            (not null, ConfigVersionActivated activated) => snapshot.With(activated, e.Version, at),
            (not null, ConfigRolledBack rolledBack) => snapshot.With(rolledBack, e.Version, at),
            _ => snapshot,
        };
    }
}
