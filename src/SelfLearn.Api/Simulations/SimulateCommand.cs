using System.Text.Json;
using System.Text.Json.Serialization;
using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Experiments;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Agents.Maas;
using SelfLearn.Api.Commands;
using SelfLearn.Domain.Datasets;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Simulations;
using Spectre.Console;

namespace SelfLearn.Api.Simulations;

/// <summary>
/// simulate: plays a scenario set (the built-in library, a file, a recorded dataset version, or the one a designed
/// experiment names) against the MaaS over HTTP for every variant of an experiment, in paired mode, and records the run
/// (<see cref="RunSimulation"/>, which starts a designed experiment). Ctrl+C
/// stops sending; requests in flight finish. This command only reads the flags, hands them to the workflow and prints.
/// </summary>
/// <remarks>The MaaS client is this app's configured one unless a caller (a test over an in-memory server) passes its own.</remarks>
public sealed class SimulateCommand(IServiceProvider services, IMaasClient? maas = null)
{
    public const string Name = "simulate";
    public const int Cancelled = 130;
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<int> RunAsync(CommandArguments raw, CancellationToken stop)
    {
        if (LiveArguments.Requested(raw))
            return await new LiveSimulation(services, maas).RunAsync(raw, stop);
        var args = SimulateArguments.Read(raw);
        var records = services.GetRequiredService<SimulationRecords>();
        var simulationId = RunSimulation.NewSimulationId();

        var original = args.RepeatOf is { } repeat ? await records.PlanAsync(repeat, stop) : null;
        var designed = args.ExperimentId is { } experimentId
            ? await services.GetRequiredService<SimulationExperiment>().DesignedAsync(experimentId, args.Variants, stop)
            : null;
        var scenarios = original is not null ? await records.ScenariosAsync(original.DatasetName, original.DatasetVersion, stop)
            : designed is not null ? await records.ScenariosAsync(designed.Dataset.Name, designed.Dataset.Version, stop)
            : args.ScenariosFile is { } file ? SimulationDataset.FromFile(file)
            : await SimulationDataset.FromLibraryAsync(services.GetRequiredService<IScenarioAuthor>(), args.Seed, args.Count, stop);
        var target = designed?.Target ?? await TargetAsync(args, original, simulationId, stop);
        var plan = SimulationPlan.Build(scenarios.Set, new SimulationSettings(simulationId, target.DeploymentId, target.ExperimentId,
            [.. target.Variants.Select(v => v.Name)]));
        if (args.DryRun)
            return await DryRunAsync(plan, scenarios, args.OutFile);

        var run = new SimulationRun(simulationId, scenarios, target, plan, args.Concurrency, args.KeepMemories, original?.SimulationId);
        var workflow = maas is null ? services.GetRequiredService<RunSimulation>() : ActivatorUtilities.CreateInstance<RunSimulation>(services, maas);
        var outcome = await workflow.RunAsync(run, new SimulationProgress(), stop);

        SimulationReport.Print(outcome.Summary, outcome.Summary.Errors);
        if (args.OutFile is { } output)
        {
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(outcome.Summary, Json), CancellationToken.None);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]");
        }
        return outcome.Stopped ? Cancelled : 0;
    }

    private async Task<SimulationTarget> TargetAsync(SimulateArguments args, SimulationStarted? original, string simulationId, CancellationToken ct)
    {
        if (original is not null)
            return new SimulationTarget(original.ExperimentId, original.DeploymentId, original.Variants);
        var experiment = services.GetRequiredService<SimulationExperiment>();
        var newExperiment = $"sim-{simulationId}";
        if (args.DryRun)
            return SimulationExperiment.Planned(newExperiment, args.DeploymentId, args.Variants);

        var names = SimulationExperiment.Names(args.Variants);
        if (args.Sets.Select(s => s.Variant).FirstOrDefault(v => !names.Contains(v)) is { } stray)
            throw new ArgumentException($"--set names variant '{stray}', which is not one of {string.Join(", ", names)}.");
        var changes = names.Select(name =>
            (name, (IReadOnlyDictionary<string, JsonElement>)SetAssignments.Parse(args.Sets.Where(s => s.Variant == name).Select(s => s.Assignment)))).ToList();
        try
        {
            return await experiment.RegisterAsync(newExperiment, args.DeploymentId, changes, ct);
        }
        catch (VariantRefusedException e) when (e.Variant is not null)
        {
            throw new ArgumentException($"the Tuner refused --set for variant '{e.Variant}': {e.Message}", e);
        }
    }

    private static async Task<int> DryRunAsync(SimulationPlan plan, LoadedScenarios scenarios, string? output)
    {
        AnsiConsole.MarkupLine($"Dry run: {scenarios.Set.Scenarios.Count} scenarios ({scenarios.Source}), {plan.Settings.Variants.Count} variants, " +
            $"{plan.Dialogs} dialogs, {plan.Requests} requests; nothing sent, nothing recorded.");
        if (output is null)
            return 0;
        var sha = SelfLearn.Domain.Datasets.RegisterDataset.Sha256Of(ScenarioJson.SerializeToUtf8(scenarios.Set));
        var threads = new DryRunThreads(scenarios.Set.Name, sha, scenarios.Source, scenarios.Set.Seed, plan.Settings, plan.Runs);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(threads, Json));
        AnsiConsole.MarkupLine($"Wrote the generated threads to [bold]{Markup.Escape(output)}[/]");
        return 0;
    }
}

/// <summary>What --dry-run --out writes: the dataset and every request each variant would receive.</summary>
public sealed record DryRunThreads(string Dataset, string DatasetSha256, string Source, int? Seed, SimulationSettings Settings, IReadOnlyList<ScenarioRun> Runs);
