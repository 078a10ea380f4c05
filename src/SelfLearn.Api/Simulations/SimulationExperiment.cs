using System.Text.Json;
using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Commands;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Simulations;
using SelfLearn.Domain.Tuner;
using Wolverine;

namespace SelfLearn.Api.Simulations;

/// <summary>The experiment a simulation plays, with the variants it plays and their configuration versions.</summary>
public sealed record SimulationTarget(string ExperimentId, string DeploymentId, IReadOnlyList<SimulatedVariant> Variants);

/// <summary>
/// Uses the named experiment, or registers a new one on the simulation deployment: every variant runs the deployment's
/// active version unless --set variant:key=value gives it a Tuner-validated version of its own.
/// </summary>
public static class SimulationExperiment
{
    public const string By = "system:simulate";
    private static readonly string[] DefaultVariants = ["a", "b"];

    public static async Task<SimulationTarget> ExistingAsync(IQuerySession session, string experimentId, IReadOnlyList<string> wanted, CancellationToken ct)
    {
        if (await session.LoadAsync<Experiment>(Experiment.StreamKey(experimentId), ct) is not { } experiment)
            throw new ArgumentException($"no experiment '{experimentId}' (register one with POST /api/experiments, or leave out --experiment).");
        var names = wanted.Count > 0 ? wanted : [.. experiment.Variants.Select(v => v.Name)];
        var variants = names.Select(name => experiment.Variant(name) is { } v
            ? new SimulatedVariant(v.Name, v.ConfigVersion)
            : throw new ArgumentException($"experiment '{experimentId}' has no variant '{name}'; it has {string.Join(", ", experiment.Variants.Select(x => x.Name))}.")).ToList();
        return new SimulationTarget(experimentId, experiment.DeploymentId, variants);
    }

    /// <summary>What a new experiment would bind, without writing anything (for --dry-run).</summary>
    public static SimulationTarget Planned(string experimentId, string deploymentId, IReadOnlyList<string> wanted) =>
        new(experimentId, deploymentId, [.. (wanted.Count > 0 ? wanted : DefaultVariants).Select(name => new SimulatedVariant(name, 0))]);

    public static async Task<SimulationTarget> RegisterAsync(
        IMessageBus bus, IQuerySession session, string experimentId, string deploymentId, IReadOnlyList<string> wanted,
        IReadOnlyList<(string Variant, string Assignment)> sets, CancellationToken ct)
    {
        var names = wanted.Count > 0 ? wanted : DefaultVariants;
        if (sets.Select(s => s.Variant).FirstOrDefault(v => !names.Contains(v)) is { } stray)
            throw new ArgumentException($"--set names variant '{stray}', which is not one of {string.Join(", ", names)}.");
        await bus.InvokeAsync<TunerOutcome>(new OpenDeployment(deploymentId, "simulation deployment: catalog defaults", By), ct);
        var active = (await session.LoadAsync<Deployment>(deploymentId, ct))!.ActiveVersion
            ?? throw new ArgumentException($"deployment '{deploymentId}' has no active version.");

        var variants = new List<ExperimentVariant>();
        foreach (var name in names)
        {
            var changes = EvalConfiguration.Parse(sets.Where(s => s.Variant == name).Select(s => s.Assignment), withRankingDefaults: false);
            variants.Add(new ExperimentVariant(name, changes.Count == 0 ? active : await VersionAsync(bus, deploymentId, experimentId, name, changes, active, ct)));
        }
        var registered = await bus.InvokeAsync<TunerOutcome>(new RegisterExperimentCommand(experimentId, deploymentId, variants,
            AssignmentUnit.User, $"simulation {experimentId}", By), ct);
        if (registered.Status != TunerStatus.Accepted)
            throw new ArgumentException($"the experiment was not registered: {registered.Describe()}");
        return new SimulationTarget(experimentId, deploymentId, [.. variants.Select(v => new SimulatedVariant(v.Name, v.ConfigVersion))]);
    }

    private static async Task<int> VersionAsync(
        IMessageBus bus, string deploymentId, string experimentId, string variant, Dictionary<string, JsonElement> changes, int active, CancellationToken ct)
    {
        var created = await bus.InvokeAsync<TunerOutcome>(new CreateConfigVersion(deploymentId, changes, active,
            $"simulation variant '{variant}'", By, By, new ChangeLinks(ExperimentId: experimentId), null), ct);
        if (created.Status == TunerStatus.Accepted)
            return created.Events.OfType<ConfigVersionCreated>().Single().ConfigVersion;
        if (created.Violations.All(v => v.Rule == ViolationRule.NoChange) && created.Status == TunerStatus.Rejected)
            return active;
        throw new ArgumentException($"the Tuner refused --set for variant '{variant}': {created.Describe()}");
    }
}
