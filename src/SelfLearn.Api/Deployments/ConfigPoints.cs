using System.Globalization;
using System.Text.Json;
using Marten;
using SelfLearn.Api.Errors;
using SelfLearn.Domain.Configuration;
using SelfLearn.Projections.Configuration;

namespace SelfLearn.Api.Deployments;

/// <summary>A configuration at one point: which version, and since when until when it was active (when known).</summary>
public sealed record ConfigSnapshot(
    string DeploymentId,
    int ConfigVersion,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    int? Activation,
    string Source)
{
    /// <summary>The version pinned against automatic rollback (docs/ALERTS.md), read with the active configuration only.</summary>
    public int? PinnedVersion { get; init; }
}

/// <summary>Reads a deployment's configuration at a point: now, a version, or an instant (an indexed lookup of validity periods).</summary>
public static class ConfigPoints
{
    public static async Task<ConfigSnapshot?> Active(IQuerySession session, string deploymentId, CancellationToken ct) =>
        await session.LoadAsync<Deployment>(deploymentId, ct) is { ActiveVersion: { } version } d
            ? new ConfigSnapshot(d.Id, version, d.ActiveParameters, d.ActiveSince, null, d.Activations, "active") { PinnedVersion = d.PinnedVersion }
            : null;

    public static async Task<ConfigSnapshot?> AsOf(IQuerySession session, string deploymentId, DateTimeOffset at, CancellationToken ct)
    {
        var ticks = at.UtcTicks;
        var period = await session.Query<ConfigPeriod>()
            .Where(p => p.DeploymentId == deploymentId && p.ValidFromTicks <= ticks)
            .OrderByDescending(p => p.ValidFromTicks)
            .FirstOrDefaultAsync(ct);
        if (period is null)
            return null;
        var next = await session.Query<ConfigPeriod>()
            .Where(p => p.DeploymentId == deploymentId && p.ValidFromTicks > ticks)
            .OrderBy(p => p.ValidFromTicks)
            .Select(p => p.ValidFrom)
            .Take(1)
            .ToListAsync(ct);
        return new ConfigSnapshot(deploymentId, period.ConfigVersion, period.Parameters, period.ValidFrom,
            next.Count > 0 ? next[0] : null, period.Activation, "asOf");
    }

    public static async Task<ConfigSnapshot?> Version(IQuerySession session, string deploymentId, int version, CancellationToken ct) =>
        await session.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor(deploymentId, version), ct) is { } v
            ? new ConfigSnapshot(deploymentId, v.ConfigVersion, v.Parameters, null, null, null, "version")
            : null;

    /// <summary>A point is a version number ("7") or an ISO-8601 instant; the error is a ready 400/404.</summary>
    public static async Task<(ConfigSnapshot? Snapshot, IResult? Error)> Resolve(
        IQuerySession session, string deploymentId, string point, string name, CancellationToken ct)
    {
        if (int.TryParse(point, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            return await Version(session, deploymentId, version, ct) is { } byVersion
                ? (byVersion, null)
                : (null, Problems.NotFound($"deployment '{deploymentId}' has no version {version}."));
        if (Require.TryParseTimestamp(point, out var at))
            return await AsOf(session, deploymentId, at, ct) is { } byTime
                ? (byTime, null)
                : (null, Problems.NotFound($"deployment '{deploymentId}' had no active configuration at {at:O}."));
        return (null, Problems.BadRequest($"'{name}' must be a version number or an ISO-8601 timestamp, got '{point}'."));
    }
}
