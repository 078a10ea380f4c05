using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Simulations;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Runtime.Handlers;

namespace SelfLearn.Agents.Manager.Cycles;

public sealed record RunCycleExperiment(string CycleId, string ExperimentId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.RunExperiment, ExperimentId);
}

/// <summary>
/// Run: the emulator plays the experiment offline and paired (both variants, the same scenarios) through
/// <see cref="RunSimulation"/>. A redelivered step finds the experiment's completed simulation and reuses it.
/// </summary>
public static class RunCycleExperimentHandler
{
    public const int Concurrency = 4;

    public static void Configure(HandlerChain chain) => CycleStepWrites.RetryConflicts(chain);

    [Transactional]
    [MessageTimeout(CycleStepWrites.StepTimeoutSeconds)]
    public static async Task<OutgoingMessages> Handle(
        RunCycleExperiment message, IDocumentSession session, IServiceScopeFactory scopes, ILogger<RunCycleExperiment> log, CancellationToken ct)
    {
        var cycle = await CycleStepWrites.LoadAsync(session, message.CycleId, ct);
        if (!CycleStepWrites.MayStart(cycle, message, log))
            return [];
        try
        {
            var experiment = cycle!.Experiments!.Single(e => e.Plan.ExperimentId == message.ExperimentId);
            var done = await session.Query<Simulation>()
                .Where(s => s.Plan.ExperimentId == message.ExperimentId && s.Status == SimulationStatus.Completed).FirstOrDefaultAsync(ct);
            var (simulationId, status) = done is not null ? (done.Plan.SimulationId, done.Status) : await PlayAsync(cycle, experiment, scopes, log, ct);
            return await CycleStepWrites.RecordAsync(session, message, [new ExperimentRan(cycle.CycleId, message.ExperimentId, simulationId, status)], log, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await CycleStepWrites.FailAsync(session, message, e, log, ct);
        }
    }

    private static async Task<(string, string)> PlayAsync(Cycle cycle, CycleExperiment experiment, IServiceScopeFactory scopes, ILogger log, CancellationToken ct)
    {
        var scenarios = await CycleScenarios.BuildAsync(cycle.ScenariosPerExperiment, ct);
        var variants = new[]
        {
            new SimulatedVariant(PrepareCycleVariantsHandler.Baseline, experiment.BaselineVersion!.Value),
            new SimulatedVariant(PrepareCycleVariantsHandler.Treatment, experiment.TreatmentVersion!.Value),
        };
        var simulationId = RunSimulation.NewSimulationId();
        var experimentId = experiment.Plan.ExperimentId;
        var plan = SimulationPlan.Build(scenarios, new SimulationSettings(simulationId, cycle.DeploymentId, experimentId, [.. variants.Select(v => v.Name)]));
        await using var scope = scopes.CreateAsyncScope();
        var played = await scope.ServiceProvider.GetRequiredService<RunSimulation>().RunAsync(
            new SimulationRun(simulationId, new LoadedScenarios(scenarios, CycleScenarios.Source(cycle.ScenariosPerExperiment)),
                new SimulationTarget(experimentId, cycle.DeploymentId, variants), plan, Concurrency, KeepMemories: false, RepeatOf: null),
            new CycleSimulationObserver(log, cycle.CycleId), ct);
        // Stopped by the host shutting down: the message stays in the durable inbox and the step runs again on restart.
        ct.ThrowIfCancellationRequested();
        return (simulationId, played.Stopped ? SimulationStatus.Cancelled : SimulationStatus.Completed);
    }
}
