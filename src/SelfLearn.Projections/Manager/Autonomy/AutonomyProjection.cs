using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using SelfLearn.Domain.Manager.Autonomy;

namespace SelfLearn.Projections.Manager.Autonomy;

/// <summary>The current autonomy policy of a deployment, kept inline (the write model of its stream).</summary>
public sealed partial class DeploymentAutonomyProjection : SingleStreamProjection<DeploymentAutonomy, string>
{
    public static DeploymentAutonomy Create(IEvent<AutonomyPolicySet> e) =>
        DeploymentAutonomy.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public DeploymentAutonomy Apply(IEvent<AutonomyPolicySet> e, DeploymentAutonomy current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };
}

/// <summary>One version of a deployment's autonomy policy, as set: the history, insert-only.</summary>
public sealed record AutonomyPolicyVersion(
    string Id,
    string DeploymentId,
    int PolicyVersion,
    AutonomyPolicy Policy,
    string Reason,
    string By,
    DateTimeOffset SetAt,
    long Sequence,
    Guid EventId)
{
    public static string IdFor(string deploymentId, int policyVersion) => $"{DeploymentAutonomy.StreamKey(deploymentId)}:{policyVersion}";
}

public sealed partial class AutonomyPolicyVersionProjection : EventProjection
{
    public AutonomyPolicyVersionProjection()
    {
        Name = "AutonomyPolicyVersions";
        Options.DeleteViewTypeOnTeardown<AutonomyPolicyVersion>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is AutonomyPolicySet set)
            operations.Insert(new AutonomyPolicyVersion(AutonomyPolicyVersion.IdFor(set.DeploymentId, set.PolicyVersion), set.DeploymentId,
                set.PolicyVersion, set.Policy, set.Reason, set.By, e.Timestamp.ToMicroseconds(), e.Sequence, e.Id));
        return ValueTask.CompletedTask;
    }
}
