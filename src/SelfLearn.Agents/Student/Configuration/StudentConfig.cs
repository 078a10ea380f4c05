using System.Text.Json;
using Marten;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;
using SelfLearn.Projections.Configuration;
using SelfLearn.Projections.Experiments;

namespace SelfLearn.Agents.Student.Configuration;

/// <summary>The parameters one request runs with, and where they came from.</summary>
public sealed record StudentConfig(
    int ConfigVersion,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    string? ExperimentId,
    string? Variant);

/// <summary>
/// Reads the deployment's active config — or, when the request names an experiment, the version of the variant the
/// request is assigned to (or asks for); or, for live traffic naming no experiment while an online experiment runs on
/// the deployment, the version of the variant its unit is assigned to — over the catalog defaults, so factors newer
/// than the version have a value.
/// </summary>
public static class StudentConfigResolver
{
    public static async Task<(StudentConfig? Config, string? Error)> ResolveAsync(
        IQuerySession session, CatalogCache catalog, string deploymentId, string? experimentId, string? variant, string userId, string? threadId,
        string? cycleType, CancellationToken ct)
    {
        var (config, error, _) = await ResolveWithMemoryVersionAsync(session, catalog, deploymentId, experimentId, variant, userId, threadId, cycleType,
            readVersions: true, ct);
        return (config, error);
    }

    /// <summary>
    /// As above, and the user's memory version, for the query path to check its cached index against. Without
    /// <paramref name="readVersions"/> (<see cref="IndexCacheOptions.ReadVersions"/> off) no version is read: any cached
    /// catalog is used and the memory version is 0, the single-node behaviour from before several nodes.
    /// </summary>
    public static async Task<(StudentConfig? Config, string? Error, long MemoryVersion)> ResolveWithMemoryVersionAsync(
        IQuerySession session, CatalogCache catalog, string deploymentId, string? experimentId, string? variant, string userId, string? threadId,
        string? cycleType, bool readVersions, CancellationToken ct)
    {
        // This runs on every query: the deployment, the experiment (or the deployment's live split, for live traffic) and
        // the versions of the catalog and the user's memories in one round trip; the catalog comes from memory.
        var live = experimentId is null && variant is null && CycleTypes.Of(cycleType, null) == CycleTypes.Online;
        var batch = session.CreateBatchQuery();
        var deploymentQuery = batch.Load<Deployment>(deploymentId);
        var experimentQuery = experimentId is null ? Task.FromResult<Experiment?>(null) : batch.Load<Experiment>(Experiment.StreamKey(experimentId));
        var splitQuery = live ? batch.Load<LiveSplit>(deploymentId) : Task.FromResult<LiveSplit?>(null);
        var versionsQuery = readVersions ? CacheVersions.Read(batch, deploymentId, userId) : Task.FromResult(new CacheVersions(0, 0));
        await batch.Execute(ct);
        var versions = await versionsQuery;
        var (config, error) = await ResolveAsync(session, await catalog.GetAsync(session, versions.Catalog, ct), deploymentId, experimentId, variant,
            userId, threadId, await deploymentQuery, await experimentQuery, await splitQuery, ct);
        return (config, error, versions.Memories);
    }

    private static async Task<(StudentConfig? Config, string? Error)> ResolveAsync(
        IQuerySession session, IReadOnlyDictionary<string, ImpactFactor> catalog, string deploymentId, string? experimentId, string? variant,
        string userId, string? threadId, Deployment? loadedDeployment, Experiment? loadedExperiment, LiveSplit? loadedSplit, CancellationToken ct)
    {
        var defaults = Catalog.Defaults(catalog);

        if (loadedDeployment is not { ActiveVersion: { } active } deployment)
            return (null, $"no deployment '{deploymentId}'.");

        if (loadedSplit is { } split)
        {
            var unit = Unit(split.AssignmentUnit, userId, threadId);
            var served = split.Variants[VariantAssignment.Index(split.ExperimentId, unit, [.. split.Variants.Select(v => v.Weight)])];
            return (new StudentConfig(served.ConfigVersion, Parameters.Merge(defaults, served.Parameters), split.ExperimentId, served.Name), null);
        }

        if (experimentId is null)
            return variant is null
                ? (new StudentConfig(active, Parameters.Merge(defaults, deployment.ActiveParameters), null, null), null)
                : (null, "'variant' needs an 'experimentId'.");

        if (loadedExperiment is not { } experiment)
            return (null, $"no experiment '{experimentId}'.");
        if (experiment.DeploymentId != deploymentId)
            return (null, $"experiment '{experimentId}' runs on deployment '{experiment.DeploymentId}', not '{deploymentId}'.");

        var chosen = variant is null ? VariantAssignment.Assign(experiment, Unit(experiment.AssignmentUnit, userId, threadId)) : experiment.Variant(variant);
        if (chosen is null)
            return (null, $"experiment '{experimentId}' has no variant '{variant}'.");

        var version = await session.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor(deploymentId, chosen.ConfigVersion), ct);
        return version is null
            ? (null, $"variant '{chosen.Name}' names version {chosen.ConfigVersion}, which deployment '{deploymentId}' does not have.")
            : (new StudentConfig(chosen.ConfigVersion, Parameters.Merge(defaults, version.Parameters), experimentId, chosen.Name), null);
    }

    /// <summary>The id a request is assigned by: its user, or its thread (its user when it names no thread).</summary>
    public static string Unit(AssignmentUnit unit, string userId, string? threadId) => unit == AssignmentUnit.Thread ? threadId ?? userId : userId;
}
