using System.Diagnostics;
using Marten;
using Npgsql;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Agents.Maas;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>What to play: the scenarios, the experiment and its variants, how many requests at a time, whether users keep their memories.</summary>
public sealed record SimulationRun(
    string SimulationId, LoadedScenarios Scenarios, SimulationTarget Target, SimulationPlan Plan, int Concurrency, bool KeepMemories, string? RepeatOf);

/// <summary>How a simulation ended: the summary recorded and printed, and whether it was stopped before the end.</summary>
public sealed record SimulationOutcome(SimulationSummary Summary, bool Stopped);

/// <summary>Who watches a simulation (the command line draws it; the Manager may only log it).</summary>
public interface ISimulationObserver
{
    /// <summary>The dataset version is registered and the run is recorded as started.</summary>
    void Started(SimulationRun run, DatasetRegistration dataset);

    /// <summary>Runs <paramref name="play"/>, handing it where each variant's requests are counted.</summary>
    Task<EmulatorResult> PlayingAsync(SimulationPlan plan, Func<IProgress<EmulatorProgress>?, Task<EmulatorResult>> play);

    /// <summary>Something went wrong that does not change the run's result (its users could not all be forgotten).</summary>
    void Warning(string message);
}

/// <summary>
/// Plays a simulation against a MaaS, in paired mode, and records it: starts its experiment if it is only designed (a
/// finished one is refused, <see cref="SimulationExperiment.StartAsync"/>), registers the dataset version (unless it
/// plays a recorded one), records the run
/// as started with this process as its owner (so a later start can abandon it if the process dies,
/// <see cref="AbandonedSimulations"/>), plays it through the <see cref="UserEmulator"/>, records how it ended and
/// forgets its users unless they keep their memories. Stopping lets requests in flight finish, so the telemetry left
/// behind is complete. Against an external MaaS every query is also observed (<see cref="MaasObservations"/>), so the
/// Teacher has runs to evaluate although that MaaS keeps its telemetry to itself.
/// </summary>
public sealed class RunSimulation(IDocumentStore store, IMaasClient maas, StoredRuns storedRuns, SimulationExperiment experiments, MaasObservations observations)
{
    /// <summary>Time-ordered and short: "s" + 16 hex digits of a version-7 GUID (milliseconds, then random bits).</summary>
    public static string NewSimulationId() => "s" + Guid.CreateVersion7().ToString("N")[..16];

    public async Task<SimulationOutcome> RunAsync(SimulationRun run, ISimulationObserver observer, CancellationToken stop)
    {
        var (set, source, recorded) = run.Scenarios;
        await experiments.StartAsync(run.Target.ExperimentId, CancellationToken.None);
        var dataset = recorded ?? await RegisterDataset.RunAsync(store, set, source, SimulationExperiment.By, CancellationToken.None);
        await SimulationJournal.StartAsync(store, new SimulationStarted(run.SimulationId, run.Target.ExperimentId, run.Target.DeploymentId,
            run.Target.Variants, dataset.Name, dataset.Version, dataset.Sha256, set.Seed, run.Concurrency, run.RepeatOf, SimulationExperiment.By,
            OwnerProcesses.Current, run.KeepMemories), CancellationToken.None);
        observer.Started(run, dataset);

        await using var observed = observations.Observe(maas);
        var emulator = new UserEmulator(observed ?? maas);
        var watch = Stopwatch.StartNew();
        EmulatorResult result;
        try
        {
            result = await observer.PlayingAsync(run.Plan, progress => emulator.RunAsync(run.Plan, run.Concurrency, progress, stop));
        }
        catch (Exception e)
        {
            await KeepObservationsAsync(observed, observer);
            await SimulationJournal.FinishAsync(store, new SimulationFinished(run.SimulationId, SimulationStatus.Failed, [], watch.Elapsed.TotalSeconds, e.Message),
                CancellationToken.None);
            if (!run.KeepMemories)
                await ForgetAsync(emulator, run.Plan, observer);
            if (e is MaasException { Status: 401 or 403 })
                throw new ArgumentException($"the MaaS refused this client's API key ({e.Message}); set Maas:ApiKey to a key with the service role. " +
                    $"Simulation {run.SimulationId} is recorded as failed.", e);
            throw;
        }
        await KeepObservationsAsync(observed, observer);
        var seconds = watch.Elapsed.TotalSeconds;
        var status = result.Stopped ? SimulationStatus.Cancelled : SimulationStatus.Completed;
        var stored = await storedRuns.CountAsync(run.SimulationId, CancellationToken.None);
        await SimulationJournal.FinishAsync(store, new SimulationFinished(run.SimulationId, status, result.Tallies, seconds, null), CancellationToken.None);
        if (!run.KeepMemories)
            await ForgetAsync(emulator, run.Plan, observer);
        return new SimulationOutcome(SimulationSummary.Of(run, status, dataset, seconds, result, stored), result.Stopped);
    }

    /// <summary>Like cleaning up, storing what was observed must not hide how the run went: a failure is reported, not thrown.</summary>
    private static async Task KeepObservationsAsync(ObservingMaasClient? observed, ISimulationObserver observer)
    {
        if (observed is null)
            return;
        try
        {
            await observed.FlushAsync(CancellationToken.None);
        }
        catch (NpgsqlException e)
        {
            observer.Warning($"What the emulator observed of the MaaS could not all be stored, so the Teacher cannot evaluate this run: {e.Message}");
        }
    }

    /// <summary>Cleaning up must not hide the run's results: a failure here is reported, not thrown.</summary>
    private static async Task ForgetAsync(UserEmulator emulator, SimulationPlan plan, ISimulationObserver observer)
    {
        try
        {
            await emulator.ForgetUsersAsync(plan, CancellationToken.None);
        }
        catch (Exception e) when (e is MaasException or HttpRequestException)
        {
            observer.Warning($"The simulation's users could not all be forgotten: {e.Message}");
        }
    }
}
