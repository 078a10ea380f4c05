using Marten;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Tuner;
using SelfLearn.Projections.Configuration;

namespace SelfLearn.Agents.Tuner;

public sealed record ActivateConfigVersion(
    string DeploymentId,
    int ConfigVersion,
    string Reason,
    string By,
    ChangeLinks Links,
    long? ExpectedVersion);

public static class ActivateConfigVersionHandler
{
    public static Task<TunerOutcome> Handle(ActivateConfigVersion command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<Deployment>(session, command.DeploymentId, command.ExpectedVersion, async stream =>
        {
            var deployment = stream.Aggregate!;
            var target = await session.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor(deployment.Id, command.ConfigVersion), ct);
            if (target is null)
                return Decision.Reject([new Violation("version", ViolationRule.UnknownVersion,
                    $"deployment '{deployment.Id}' has no version {command.ConfigVersion}.")]);

            var catalog = await CatalogReader.LoadAsync(session, ct);
            return ActivateVersion.Decide(deployment, catalog, RunnableFactorValues.Current, target.ConfigVersion, target.Parameters, target.Links,
                command.Links, command.Reason, command.By);
        }, $"no deployment '{command.DeploymentId}'.", ct);
}
