using Marten;
using SelfLearn.Domain.Configuration;
using SelfLearn.Projections.Configuration;
using Decider = SelfLearn.Domain.Configuration.ActivateVersion;

namespace SelfLearn.Agents.Tuner;

public sealed record ActivateVersion(
    string DeploymentId,
    int ConfigVersion,
    string Reason,
    string By,
    ChangeLinks Links,
    long? ExpectedVersion);

public static class ActivateVersionHandler
{
    /// <summary>The catalog comes from memory; the deployment and the target version come in one round trip.</summary>
    public static async Task<TunerOutcome> Handle(ActivateVersion command, IDocumentSession session, CatalogCache catalogCache, CancellationToken ct)
    {
        var catalog = await catalogCache.GetAsync(session, ct);
        return await StreamWrites.Write<Deployment, ConfigVersionView>(session, command.DeploymentId, command.ExpectedVersion,
            ConfigVersionView.IdFor(command.DeploymentId, command.ConfigVersion),
            (stream, target) => Task.FromResult(Decider.Decide(stream.Aggregate!, catalog, RunnableFactorValues.Current, command.ConfigVersion,
                target is null ? null : new StoredVersion(target.Parameters, target.Links), command.Links, command.Reason, command.By)),
            $"no deployment '{command.DeploymentId}'.", ct);
    }
}
