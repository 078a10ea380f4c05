using System.Text.Json;
using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Simulations;
using Wolverine;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>The experiment a simulation plays, with the variants it plays and their configuration versions.</summary>
public sealed record SimulationTarget(string ExperimentId, string DeploymentId, IReadOnlyList<SimulatedVariant> Variants);

/// <summary>A designed offline experiment ready to play: its variants and the dataset version its design names.</summary>
public sealed record DesignedRun(SimulationTarget Target, DatasetVersionRef Dataset);

/// <summary>
/// Uses the named experiment, or registers a new one on the simulation deployment: every variant runs the deployment's
/// active version unless it changes factors, which gives it a Tuner-validated version of its own. Every simulation
/// plays a designed or started experiment, and starts a designed one.
/// </summary>
public sealed class SimulationExperiment(IDocumentStore store, PrepareVariants variants, IMessageBus bus)
{
    public const string By = "system:simulate";
    private static readonly string[] DefaultVariants = ["a", "b"];

    /// <summary>
    /// What <c>simulate --experiment</c> plays: an offline experiment whose design names a dataset version, designed or
    /// started, with all its variants or the <paramref name="wanted"/> ones. Anything else is refused, saying why.
    /// </summary>
    public async Task<DesignedRun> DesignedAsync(string experimentId, IReadOnlyList<string> wanted, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Experiment>(Experiment.StreamKey(experimentId), ct) is not { } experiment)
            throw new ArgumentException($"no experiment '{experimentId}' (design one with POST /api/experiments, or leave out --experiment).");
        if (experiment.Design.Mode == ExperimentMode.Online)
            throw new ArgumentException($"experiment '{experimentId}' is online: it runs on real traffic, and simulate plays offline experiments only.");
        if (experiment.Design.Dataset is not { } dataset)
            throw new ArgumentException($"experiment '{experimentId}' is not designed with a dataset: simulate --experiment plays the dataset version an " +
                "offline design names (\"mode\":\"offline\",\"dataset\":{\"name\":…,\"version\":…} in POST /api/experiments). " +
                "Without --experiment, simulate registers an experiment of its own.");
        if (NotPlayable(experiment) is { } refusal)
            throw new ArgumentException(refusal);
        var names = wanted.Count > 0 ? wanted : [.. experiment.Variants.Select(v => v.Name)];
        var played = names.Select(name => experiment.Variant(name) is { } v
            ? new SimulatedVariant(v.Name, v.ConfigVersion)
            : throw new ArgumentException($"experiment '{experimentId}' has no variant '{name}'; it has {string.Join(", ", experiment.Variants.Select(x => x.Name))}.")).ToList();
        return new DesignedRun(new SimulationTarget(experimentId, experiment.DeploymentId, played), dataset);
    }

    /// <summary>
    /// Starts the experiment if it is designed; a started one is played as it is. A finished one (stopped, completed,
    /// aborted) keeps the data it had: the run is refused before anything is recorded.
    /// </summary>
    public async Task StartAsync(string experimentId, CancellationToken ct)
    {
        var started = await bus.InvokeAsync<TunerOutcome>(new StartExperiment(experimentId, "a simulation plays it", By, null), ct);
        if (started.Status == TunerStatus.Accepted)
            return;
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Experiment>(Experiment.StreamKey(experimentId), ct) is not { } experiment)
            throw new ArgumentException(started.Describe());
        if (NotPlayable(experiment) is { } refusal)
            throw new ArgumentException(refusal);
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

    private static string? NotPlayable(Experiment experiment) => experiment.Status is ExperimentStatus.Designed or ExperimentStatus.Started
        ? null
        : $"experiment '{experiment.ExperimentId}' is {experiment.Status}: only a designed or started experiment can be simulated (a finished one keeps the data it had).";
}
