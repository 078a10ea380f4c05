using JasperFx.Events.Projections;
using Marten;

namespace SelfLearn.Projections.Manager.Autonomy;

public static class AutonomyRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(DeploymentAutonomyProjection), typeof(AutonomyPolicyVersionProjection)];

    public static StoreOptions AddAutonomy(this StoreOptions options)
    {
        options.Projections.Add(new DeploymentAutonomyProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new AutonomyPolicyVersionProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<AutonomyPolicyVersion>().Index(x => new { x.DeploymentId, x.PolicyVersion });
        return options;
    }
}
