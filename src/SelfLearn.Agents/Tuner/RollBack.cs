using Marten;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Projections.Configuration;
using Decider = SelfLearn.Domain.Configuration.RollBack;

namespace SelfLearn.Agents.Tuner;

/// <summary>Back to the previously active version, or to a named one; Rule names the automatic rule that fired, if any, and Evidence its figures.</summary>
public sealed record RollBack(
    string DeploymentId,
    int? ToVersion,
    string Reason,
    string By,
    string? Rule,
    ChangeLinks Links,
    long? ExpectedVersion,
    DegradationEvidence? Evidence = null);

public static class RollBackHandler
{
    /// <summary>A named target is read with the deployment in one round trip; "the previous one" is known only after it.</summary>
    public static Task<TunerOutcome> Handle(RollBack command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<Deployment, ConfigVersionView>(session, command.DeploymentId, command.ExpectedVersion,
            command.ToVersion is { } named ? ConfigVersionView.IdFor(command.DeploymentId, named) : null,
            async (stream, namedTarget) =>
            {
                var deployment = stream.Aggregate!;
                var target = command.ToVersion is not null
                    ? namedTarget
                    : Decider.Target(deployment, null) is { } previous
                        ? await session.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor(deployment.Id, previous), ct)
                        : null;
                return Decider.Decide(deployment, command.ToVersion, target?.Parameters, command.Reason, command.By, command.Rule, command.Links, command.Evidence);
            }, $"no deployment '{command.DeploymentId}'.", ct);
}
