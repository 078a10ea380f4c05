using System.Text.Json;
using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Tuner;
using SelfLearn.Projections.Configuration;

namespace SelfLearn.Agents.Student.Configuration;

/// <summary>The parameters one request runs with, and where they came from.</summary>
public sealed record StudentConfig(
    int ConfigVersion,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    string? ExperimentId,
    string? Variant);

/// <summary>
/// Reads the deployment's active config — or, when the request names an experiment, the version of the variant the
/// request is assigned to (or asks for) — over the catalog defaults, so factors newer than the version have a value.
/// </summary>
public static class StudentConfigResolver
{
    public static async Task<(StudentConfig? Config, string? Error)> ResolveAsync(
        IQuerySession session, CatalogCache catalog, string deploymentId, string? experimentId, string? variant, string userId, string? threadId,
        CancellationToken ct)
    {
        // This runs on every query: the catalog comes from memory, the deployment and the experiment in one round trip.
        var defaults = Catalog.Defaults(await catalog.GetAsync(session, ct));
        var batch = session.CreateBatchQuery();
        var deploymentQuery = batch.Load<Deployment>(deploymentId);
        var experimentQuery = experimentId is null ? Task.FromResult<Experiment?>(null) : batch.Load<Experiment>(Experiment.StreamKey(experimentId));
        await batch.Execute(ct);

        if (await deploymentQuery is not { ActiveVersion: { } active } deployment)
            return (null, $"no deployment '{deploymentId}'.");

        if (experimentId is null)
            return variant is null
                ? (new StudentConfig(active, Parameters.Merge(defaults, deployment.ActiveParameters), null, null), null)
                : (null, "'variant' needs an 'experimentId'.");

        if (await experimentQuery is not { } experiment)
            return (null, $"no experiment '{experimentId}'.");
        if (experiment.DeploymentId != deploymentId)
            return (null, $"experiment '{experimentId}' runs on deployment '{experiment.DeploymentId}', not '{deploymentId}'.");

        var unit = experiment.AssignmentUnit == AssignmentUnit.Thread ? threadId ?? userId : userId;
        var chosen = variant is null ? VariantAssignment.Assign(experiment, unit) : experiment.Variant(variant);
        if (chosen is null)
            return (null, $"experiment '{experimentId}' has no variant '{variant}'.");

        var version = await session.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor(deploymentId, chosen.ConfigVersion), ct);
        return version is null
            ? (null, $"variant '{chosen.Name}' names version {chosen.ConfigVersion}, which deployment '{deploymentId}' does not have.")
            : (new StudentConfig(chosen.ConfigVersion, Parameters.Merge(defaults, version.Parameters), experimentId, chosen.Name), null);
    }
}
