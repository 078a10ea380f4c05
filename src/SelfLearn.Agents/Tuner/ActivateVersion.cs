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
    /// <summary>
    /// The catalog comes from memory; the deployment and the target version come in one round trip, with the approval
    /// the request names. An approval named only by the version is fetched once the version is known.
    /// </summary>
    public static async Task<TunerOutcome> Handle(ActivateVersion command, IDocumentSession session, CatalogCache catalogCache, CancellationToken ct)
    {
        var catalog = await catalogCache.GetAsync(session, ct);
        var targetId = ConfigVersionView.IdFor(command.DeploymentId, command.ConfigVersion);
        var approvalId = command.Links.ApprovalId;
        if (string.IsNullOrWhiteSpace(approvalId))
            approvalId = (await session.LoadAsync<ConfigVersionView>(targetId, ct))?.Links.ApprovalId;
        return await ApprovedWrites.Write<ConfigVersionView>(session, command.DeploymentId, command.ExpectedVersion, targetId, approvalId,
            (stream, target, approval) => Decider.Decide(stream.Aggregate!, catalog, RunnableFactorValues.Current, command.ConfigVersion,
                target is null ? null : new StoredVersion(target.Parameters, target.Links), command.Links, command.Reason, command.By, approval), ct);
    }
}
