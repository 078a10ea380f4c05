using Marten;
using SelfLearn.Agents.Manager.Autonomy;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Projections.Configuration;
using Decider = SelfLearn.Domain.Configuration.ActivateVersion;

namespace SelfLearn.Agents.Tuner;

/// <summary>Makes a version the active one; <see cref="ByTheLoop"/> as for <see cref="CreateVersion"/> (the period's activations count too).</summary>
public sealed record ActivateVersion(
    string DeploymentId,
    int ConfigVersion,
    string Reason,
    string By,
    ChangeLinks Links,
    long? ExpectedVersion,
    bool ByTheLoop = false);

public static class ActivateVersionHandler
{
    /// <summary>
    /// The catalog comes from memory; its version, the deployment and the target version come in one round trip, with the
    /// approval the request names. An approval named only by the version is fetched once the version is known; the
    /// Manager's loop reads the version first, as whether it writes alone depends on that approval.
    /// </summary>
    public static async Task<TunerOutcome> Handle(
        ActivateVersion command, IDocumentSession session, CatalogCache catalogCache, TimeProvider clock, CancellationToken ct)
    {
        var targetId = ConfigVersionView.IdFor(command.DeploymentId, command.ConfigVersion);
        var approvalId = command.Links.ApprovalId;
        LoopWrite? alone = null;
        if (command.ByTheLoop)
        {
            if (string.IsNullOrWhiteSpace(approvalId))
                approvalId = (await session.LoadAsync<ConfigVersionView>(targetId, ct))?.Links.ApprovalId;
            if (string.IsNullOrWhiteSpace(approvalId))
                alone = await LoopWriteAsync(session, command.DeploymentId, await catalogCache.GetAsync(session, ct), clock.GetUtcNow(), ct);
        }
        return await ApprovedWrites.Write<ConfigVersionView>(session, catalogCache, command.DeploymentId, command.ExpectedVersion, targetId, approvalId,
            target => target?.Links.ApprovalId,
            (stream, target, approval, catalog) => Decider.Decide(stream.Aggregate!, catalog, RunnableFactorValues.Current, command.ConfigVersion,
                target is null ? null : new StoredVersion(target.Parameters, target.Links), command.Links, command.Reason, command.By, approval, alone), ct);
    }

    private static async Task<LoopWrite> LoopWriteAsync(
        IDocumentSession session, string deploymentId, IReadOnlyDictionary<string, ImpactFactor> catalog, DateTimeOffset now, CancellationToken ct)
    {
        var policy = await AutonomyReads.PolicyAsync(session, deploymentId, catalog, ct);
        return new LoopWrite(policy, await AutonomyReads.CountAsync(session, deploymentId, AutonomyReads.Activated, policy.Activations.PeriodHours, now, ct));
    }
}
