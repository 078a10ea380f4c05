using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Agents.Experiments.Simulations;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>The Manager has no console: it only logs what its simulations do.</summary>
internal sealed class CycleSimulationObserver(ILogger log, string cycleId) : ISimulationObserver
{
    public void Started(SimulationRun run, DatasetRegistration dataset) =>
        log.LogInformation("Cycle {CycleId}: simulation {SimulationId} of {ExperimentId} started on {Dataset} v{Version}.", cycleId, run.SimulationId,
            run.Target.ExperimentId, dataset.Name, dataset.Version);

    public Task<EmulatorResult> PlayingAsync(SimulationPlan plan, Func<IProgress<EmulatorProgress>?, Task<EmulatorResult>> play) => play(null);

    public void Warning(string message) => log.LogWarning("Cycle {CycleId}: {Warning}", cycleId, message);
}
