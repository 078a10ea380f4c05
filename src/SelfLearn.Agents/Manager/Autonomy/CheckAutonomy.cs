using System.Text.Json;
using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Projections.Configuration;

namespace SelfLearn.Agents.Manager.Autonomy;

/// <summary>May the loop apply these changes to the deployment without a human, at <see cref="At"/> (default: now)?</summary>
public sealed record CheckAutonomy(string DeploymentId, IReadOnlyDictionary<string, JsonElement> Changes, DateTimeOffset? At = null);

/// <summary>May the loop roll the deployment back without a human, at <see cref="At"/> (default: now)?</summary>
public sealed record CheckAutonomousRollback(string DeploymentId, DateTimeOffset? At = null);

/// <summary>
/// Reads the deployment's policy (the default when none was set), the catalog and the activations or rollbacks in the
/// policy's period, and runs <see cref="AutonomyCheck"/>. The cycle sends these before it changes anything on its own.
/// </summary>
public static class CheckAutonomyHandler
{
    public static async Task<AutonomyVerdict> Handle(CheckAutonomy command, IDocumentSession session, CatalogCache catalogCache, TimeProvider clock, CancellationToken ct)
    {
        var catalog = await catalogCache.GetAsync(session, ct);
        var policy = await AutonomyReads.PolicyAsync(session, command.DeploymentId, catalog, ct);
        var activations = await AutonomyReads.CountAsync(session, command.DeploymentId, AutonomyReads.Activated, policy.Activations.PeriodHours,
            command.At ?? clock.GetUtcNow(), ct);
        return AutonomyCheck.Evaluate(policy, catalog, command.Changes, activations);
    }

    public static async Task<AutonomyReason?> Handle(CheckAutonomousRollback command, IDocumentSession session, CatalogCache catalogCache, TimeProvider clock, CancellationToken ct)
    {
        var policy = await AutonomyReads.PolicyAsync(session, command.DeploymentId, await catalogCache.GetAsync(session, ct), ct);
        var rollbacks = await AutonomyReads.CountAsync(session, command.DeploymentId, AutonomyReads.RolledBack, policy.Rollbacks.PeriodHours,
            command.At ?? clock.GetUtcNow(), ct);
        return AutonomyCheck.RollBack(policy, rollbacks);
    }
}

public static class AutonomyReads
{
    public const string Activated = "activated";
    public const string RolledBack = "rolled-back";

    public static async Task<AutonomyPolicy> PolicyAsync(
        IQuerySession session, string deploymentId, IReadOnlyDictionary<string, Domain.ImpactFactors.ImpactFactor> catalog, CancellationToken ct) =>
        (await session.LoadAsync<DeploymentAutonomy>(DeploymentAutonomy.StreamKey(deploymentId), ct))?.Policy ?? AutonomyPolicy.Default(catalog);

    /// <summary>Activations ("activated") or rollbacks ("rolled-back") of the deployment in the <paramref name="hours"/> before <paramref name="at"/>.</summary>
    public static Task<int> CountAsync(IQuerySession session, string deploymentId, string kind, int hours, DateTimeOffset at, CancellationToken ct)
    {
        var (from, to) = (at.AddHours(-hours).UtcTicks, at.UtcTicks);
        return session.Query<ConfigPeriod>()
            .CountAsync(p => p.DeploymentId == deploymentId && p.Kind == kind && p.ValidFromTicks > from && p.ValidFromTicks <= to, ct);
    }
}
