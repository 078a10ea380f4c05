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
    /// The catalog comes from memory; the deployment and the target version come in one round trip, with the approval
    /// the request names. An approval named only by the version is fetched once the version is known.
    /// </summary>
    public static async Task<TunerOutcome> Handle(
        ActivateVersion command, IDocumentSession session, CatalogCache catalogCache, TimeProvider clock, CancellationToken ct)
    {
        var catalog = await catalogCache.GetAsync(session, ct);
        var targetId = ConfigVersionView.IdFor(command.DeploymentId, command.ConfigVersion);
        var approvalId = command.Links.ApprovalId;
        if (string.IsNullOrWhiteSpace(approvalId))
            approvalId = (await session.LoadAsync<ConfigVersionView>(targetId, ct))?.Links.ApprovalId;
        var alone = command.ByTheLoop && string.IsNullOrWhiteSpace(approvalId) ? await LoopWriteAsync(session, command.DeploymentId, catalog, clock.GetUtcNow(), ct) : null;
        return await ApprovedWrites.Write<ConfigVersionView>(session, command.DeploymentId, command.ExpectedVersion, targetId, approvalId,
            (stream, target, approval) => Decider.Decide(stream.Aggregate!, catalog, RunnableFactorValues.Current, command.ConfigVersion,
                target is null ? null : new StoredVersion(target.Parameters, target.Links), command.Links, command.Reason, command.By, approval, alone), ct);
    }

    private static async Task<LoopWrite> LoopWriteAsync(
        IDocumentSession session, string deploymentId, IReadOnlyDictionary<string, ImpactFactor> catalog, DateTimeOffset now, CancellationToken ct)
    {
        var policy = await AutonomyReads.PolicyAsync(session, deploymentId, catalog, ct);
        return new LoopWrite(policy, await AutonomyReads.CountAsync(session, deploymentId, AutonomyReads.Activated, policy.Activations.PeriodHours, now, ct));
    }
}
