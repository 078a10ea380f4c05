using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using SelfLearn.Agents.Datasets;
using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Simulations;
using SelfLearn.Agents.Maas;
using SelfLearn.Api.Commands;
using SelfLearn.Domain.Datasets;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Simulations;
using Spectre.Console;
using Wolverine;

namespace SelfLearn.Api.Simulations;

/// <summary>
/// simulate: plays a scenario set (the built-in library, a file, or a recorded dataset version) against the MaaS over
/// HTTP for every variant of an experiment, in paired mode, and records the run (dataset version, seed, variants,
/// tallies) as events. Ctrl+C stops sending; requests in flight finish, so the telemetry left behind is complete. The run
/// records this process as its owner: if the process dies mid-run, the next start of the app (or of any command) marks
/// it abandoned and forgets its users (<see cref="AbandonedSimulations"/>).
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
        var args = SimulateArguments.Read(raw);
        var store = services.GetRequiredService<IDocumentStore>();
        var simulationId = NewSimulationId();
        await using var query = store.QuerySession();

        var original = args.RepeatOf is { } repeat
            ? (await query.LoadAsync<Simulation>(Simulation.StreamKey(repeat), stop) ?? throw new ArgumentException($"no simulation '{repeat}' to repeat.")).Plan
            : null;
        var scenarios = original is not null ? await SimulationDataset.FromRecordAsync(query, original.DatasetName, original.DatasetVersion, stop)
            : args.ScenariosFile is { } file ? SimulationDataset.FromFile(file)
            : await SimulationDataset.FromLibraryAsync(services.GetRequiredService<IScenarioAuthor>(), args.Seed, args.Count, stop);
        var target = await TargetAsync(args, original, simulationId, query, stop);
        var plan = SimulationPlan.Build(scenarios.Set, new SimulationSettings(simulationId, target.DeploymentId, target.ExperimentId,
            [.. target.Variants.Select(v => v.Name)]));
        if (args.DryRun)
            return await DryRunAsync(plan, scenarios, args.OutFile);

        var dataset = await RegisterDataset.RunAsync(store, scenarios.Set, scenarios.Source, SimulationExperiment.By, CancellationToken.None);
        await SimulationJournal.StartAsync(store, new SimulationStarted(simulationId, target.ExperimentId, target.DeploymentId, target.Variants,
            dataset.Name, dataset.Version, dataset.Sha256, scenarios.Set.Seed, args.Concurrency, original?.SimulationId, SimulationExperiment.By,
            OwnerProcesses.Current, args.KeepMemories), CancellationToken.None);
        AnsiConsole.MarkupLine($"Simulation [bold]{simulationId}[/]: dataset {dataset.Name}@{dataset.Version} ({scenarios.Source}), experiment " +
            $"[bold]{target.ExperimentId}[/] on deployment {target.DeploymentId}, variants {string.Join(", ", target.Variants.Select(v => $"{v.Name}=v{v.ConfigVersion}"))}, " +
            $"{plan.Dialogs} dialogs, {plan.Requests} requests, concurrency {args.Concurrency}.");

        var emulator = new UserEmulator(maas ?? services.GetRequiredService<IMaasClient>());
        var watch = Stopwatch.StartNew();
        EmulatorResult result;
        try
        {
            result = await SimulationProgress.ShowAsync(plan, progress => emulator.RunAsync(plan, args.Concurrency, progress, stop));
        }
        catch (Exception e)
        {
            await SimulationJournal.FinishAsync(store, new SimulationFinished(simulationId, SimulationStatus.Failed, [], watch.Elapsed.TotalSeconds, e.Message), CancellationToken.None);
            if (!args.KeepMemories)
                await ForgetAsync(emulator, plan);
            if (e is MaasException { Status: 401 or 403 })
                throw new ArgumentException($"the MaaS refused this client's API key ({e.Message}); set Maas:ApiKey to a key with the service role. " +
                    $"Simulation {simulationId} is recorded as failed.", e);
            throw;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var status = result.Stopped ? SimulationStatus.Cancelled : SimulationStatus.Completed;
        var stored = await StoredRuns.CountAsync(services, simulationId, CancellationToken.None);
        await SimulationJournal.FinishAsync(store, new SimulationFinished(simulationId, status, result.Tallies, seconds, null), CancellationToken.None);
        if (!args.KeepMemories)
            await ForgetAsync(emulator, plan);

        var summary = Summarize(simulationId, status, target, dataset, scenarios.Set.Seed, args.Concurrency, seconds, result, stored);
        SimulationReport.Print(summary, result.Errors);
        if (args.OutFile is { } output)
        {
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(summary, Json), CancellationToken.None);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]");
        }
        return result.Stopped ? Cancelled : 0;
    }

    /// <summary>Cleaning up must not hide the run's results: a failure here is reported, not thrown.</summary>
    private static async Task ForgetAsync(UserEmulator emulator, SimulationPlan plan)
    {
        try
        {
            await emulator.ForgetUsersAsync(plan, CancellationToken.None);
        }
        catch (Exception e) when (e is MaasException or HttpRequestException)
        {
            AnsiConsole.MarkupLine($"[yellow]The simulation's users could not all be forgotten: {Markup.Escape(e.Message)}[/]");
        }
    }

    private async Task<SimulationTarget> TargetAsync(SimulateArguments args, SimulationStarted? original, string simulationId, IQuerySession query, CancellationToken ct)
    {
        if (original is not null)
            return new SimulationTarget(original.ExperimentId, original.DeploymentId, original.Variants);
        if (args.ExperimentId is { } experimentId)
            return await SimulationExperiment.ExistingAsync(query, experimentId, args.Variants, ct);
        var newExperiment = $"sim-{simulationId}";
        return args.DryRun
            ? SimulationExperiment.Planned(newExperiment, args.DeploymentId, args.Variants)
            : await SimulationExperiment.RegisterAsync(services.GetRequiredService<IMessageBus>(), query, newExperiment, args.DeploymentId,
                args.Variants, args.Sets, ct);
    }

    private static async Task<int> DryRunAsync(SimulationPlan plan, LoadedScenarios scenarios, string? output)
    {
        AnsiConsole.MarkupLine($"Dry run: {scenarios.Set.Scenarios.Count} scenarios ({scenarios.Source}), {plan.Settings.Variants.Count} variants, " +
            $"{plan.Dialogs} dialogs, {plan.Requests} requests; nothing sent, nothing recorded.");
        if (output is null)
            return 0;
        var sha = RegisterDatasetVersion.Sha256Of(ScenarioJson.SerializeToUtf8(scenarios.Set));
        var threads = new DryRunThreads(scenarios.Set.Name, sha, scenarios.Source, scenarios.Set.Seed, plan.Settings, plan.Runs);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(threads, Json));
        AnsiConsole.MarkupLine($"Wrote the generated threads to [bold]{Markup.Escape(output)}[/]");
        return 0;
    }

    private static SimulationSummary Summarize(
        string simulationId, string status, SimulationTarget target, DatasetRegistration dataset, int? seed, int concurrency, double seconds,
        EmulatorResult result, IReadOnlyDictionary<string, long>? stored)
    {
        var dialogs = result.Tallies.Sum(t => t.Dialogs);
        var requests = result.Tallies.Sum(t => t.Requests);
        return new SimulationSummary(simulationId, status, target.ExperimentId, target.DeploymentId, dataset.Name, dataset.Version, dataset.Sha256, seed,
            concurrency, Math.Round(seconds, 3), requests, Math.Round(dialogs / seconds, 1), Math.Round(requests / seconds, 1),
            [.. result.Tallies.Select(t => SimulationSummary.Variant(t, target.Variants.Single(v => v.Name == t.Variant).ConfigVersion,
                stored is null ? null : stored.GetValueOrDefault(t.Variant)))],
            result.Errors);
    }

    /// <summary>Time-ordered and short: "s" + 16 hex digits of a version-7 GUID (milliseconds, then random bits).</summary>
    private static string NewSimulationId() => "s" + Guid.CreateVersion7().ToString("N")[..16];
}

/// <summary>What --dry-run --out writes: the dataset and every request each variant would receive.</summary>
public sealed record DryRunThreads(string Dataset, string DatasetSha256, string Source, int? Seed, SimulationSettings Settings, IReadOnlyList<ScenarioRun> Runs);
