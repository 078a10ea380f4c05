using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Experiments;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Runtime.Handlers;

namespace SelfLearn.Agents.Manager.Cycles;

public sealed record PrepareCycleVariants(string CycleId, string ExperimentId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.PrepareVariants, ExperimentId);
}

/// <summary>
/// Prepare: the Tuner creates the treatment's version (the base version with the hypothesis's value, linked to the goal
/// and the experiment) through <see cref="PrepareVariants"/>, the scenarios are recorded as a dataset version, and the
/// experiment is registered with its design: base version as baseline, offline, paired on that dataset. A redelivered
/// step finds the experiment registered and reuses it.
/// </summary>
public static class PrepareCycleVariantsHandler
{
    public const string Baseline = "base";
    public const string Treatment = "treatment";

    public static void Configure(HandlerChain chain) => CycleStepWrites.RetryConflicts(chain);

    [Transactional]
    [MessageTimeout(CycleStepWrites.StepTimeoutSeconds)]
    public static async Task<OutgoingMessages> Handle(
        PrepareCycleVariants message, IDocumentSession session, IServiceScopeFactory scopes, TimeProvider clock, ILogger<PrepareCycleVariants> log,
        CancellationToken ct)
    {
        var cycle = await CycleStepWrites.LoadAsync(session, message.CycleId, ct);
        if (!CycleStepWrites.MayStart(cycle, message, log))
            return [];
        try
        {
            var plan = cycle!.Experiments!.Single(e => e.Plan.ExperimentId == message.ExperimentId).Plan;
            var registered = await session.LoadAsync<Experiment>(Experiment.StreamKey(plan.ExperimentId), ct);
            // An experiment registered before a crash is finished; one not started yet waits for no wall time that is spent.
            if (registered is null && CycleWallTime.Skip(cycle, clock.GetUtcNow()) is { } skipped)
                return await CycleStepWrites.RecordAsync(session, message, [skipped], log, ct);
            var treatment = registered is not null
                ? registered.Variants.Single(v => v.Name == Treatment).ConfigVersion
                : await RegisterAsync(cycle, plan, scopes, ct);
            return await CycleStepWrites.RecordAsync(session, message, [new VariantsPrepared(cycle.CycleId, plan.ExperimentId, cycle.BaseVersion, treatment)], log, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await CycleStepWrites.FailAsync(session, message, e, log, ct);
        }
    }

    private static async Task<int> RegisterAsync(Cycle cycle, PlannedExperiment plan, IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var version = await services.GetRequiredService<PrepareVariants>().VersionAsync(cycle.DeploymentId,
            new Dictionary<string, JsonElement> { [plan.Factor] = plan.To }, cycle.BaseVersion,
            $"cycle {cycle.CycleId}: hypothesis {plan.HypothesisId}, tested by experiment {plan.ExperimentId}", PlanCycleHandler.By,
            new ChangeLinks(GoalId: cycle.GoalId, ExperimentId: plan.ExperimentId, CycleId: cycle.CycleId, HypothesisId: plan.HypothesisId), ct);
        if (version == cycle.BaseVersion)
            throw new InvalidOperationException($"{plan.Factor} = {plan.To.GetRawText()} is already the base version's value: there is nothing to test.");

        var scenarios = await CycleScenarios.BuildAsync(cycle.ScenariosPerExperiment, ct);
        var dataset = await RegisterDataset.RunAsync(services.GetRequiredService<IDocumentStore>(), scenarios,
            CycleScenarios.Source(cycle.ScenariosPerExperiment), PlanCycleHandler.By, ct);
        var registered = await services.GetRequiredService<IMessageBus>().InvokeAsync<TunerOutcome>(new Tuner.RegisterExperiment(plan.ExperimentId, cycle.DeploymentId,
            [new ExperimentVariant(Baseline, cycle.BaseVersion, VariantRole.Baseline), new ExperimentVariant(Treatment, version, VariantRole.Treatment)],
            AssignmentUnit.User, $"cycle {cycle.CycleId}: {plan.Factor} {plan.From.GetRawText()} → {plan.To.GetRawText()}", PlanCycleHandler.By,
            Design(cycle, plan, dataset)), ct);
        if (registered.Status != TunerStatus.Accepted)
            throw new InvalidOperationException($"the experiment was not registered: {registered.Describe()}");
        return version;
    }

    private static DesignProposal Design(Cycle cycle, PlannedExperiment plan, DatasetRegistration dataset) => new(
        new HypothesisProposal($"moving {plan.Factor} from {plan.From.GetRawText()} to {plan.To.GetRawText()} improves the goal's primary metrics " +
                               $"(goal {cycle.GoalId}, cycle {cycle.CycleId}).", plan.HypothesisId),
        [.. plan.Primary.Select(p => new PrimaryMetricProposal(p.Metric, p.Direction, new MinimumEffectProposal(p.MinimumEffect, p.Scale), null))],
        [.. plan.Guards.Select(g => new GuardMetricProposal(g.Metric, g.MaxRelativeDegradation, g.MaxAbsoluteDegradation, g.Bound))],
        Mode: ExperimentMode.Offline,
        Dataset: new DatasetProposal(dataset.Name, dataset.Version),
        Segments: [.. plan.Primary.Select(p => p.Segment).OfType<string>().Distinct(StringComparer.Ordinal)]);
}
