using System.Text.Json;
using Marten;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>The experiment a simulation plays, with the variants it plays and their configuration versions.</summary>
public sealed record SimulationTarget(string ExperimentId, string DeploymentId, IReadOnlyList<SimulatedVariant> Variants);

/// <summary>
/// Uses the named experiment, or registers a new one on the simulation deployment: every variant runs the deployment's
/// active version unless it changes factors, which gives it a Tuner-validated version of its own.
/// </summary>
public sealed class SimulationExperiment(IDocumentStore store, PrepareVariants variants)
{
    public const string By = "system:simulate";
    private static readonly string[] DefaultVariants = ["a", "b"];

    public async Task<SimulationTarget> ExistingAsync(string experimentId, IReadOnlyList<string> wanted, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Experiment>(Experiment.StreamKey(experimentId), ct) is not { } experiment)
            throw new ArgumentException($"no experiment '{experimentId}' (register one with POST /api/experiments, or leave out --experiment).");
        var names = wanted.Count > 0 ? wanted : [.. experiment.Variants.Select(v => v.Name)];
        var played = names.Select(name => experiment.Variant(name) is { } v
            ? new SimulatedVariant(v.Name, v.ConfigVersion)
            : throw new ArgumentException($"experiment '{experimentId}' has no variant '{name}'; it has {string.Join(", ", experiment.Variants.Select(x => x.Name))}.")).ToList();
        return new SimulationTarget(experimentId, experiment.DeploymentId, played);
    }

    /// <summary>What a new experiment would bind, without writing anything (for a dry run).</summary>
    public static SimulationTarget Planned(string experimentId, string deploymentId, IReadOnlyList<string> wanted) =>
        new(experimentId, deploymentId, [.. (wanted.Count > 0 ? wanted : DefaultVariants).Select(name => new SimulatedVariant(name, 0))]);

    /// <summary>The variant names a new experiment gets: the wanted ones, else a and b.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<string> wanted) => wanted.Count > 0 ? wanted : DefaultVariants;

    /// <summary>Registers a new experiment with one variant per entry of <paramref name="changes"/> (see <see cref="Names"/>).</summary>
    public async Task<SimulationTarget> RegisterAsync(
        string experimentId, string deploymentId, IReadOnlyList<(string Variant, IReadOnlyDictionary<string, JsonElement> Changes)> changes,
        CancellationToken ct)
    {
        var bound = await variants.RegisterExperimentAsync(experimentId, deploymentId,
            [.. changes.Select(c => new VariantChanges(c.Variant, c.Changes, $"simulation variant '{c.Variant}'"))],
            "simulation deployment: catalog defaults", $"simulation {experimentId}", By, ct);
        return new SimulationTarget(experimentId, deploymentId, [.. bound.Select(v => new SimulatedVariant(v.Name, v.ConfigVersion))]);
    }
}
