using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Domain.Teacher.Verdicts;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Runtime.Handlers;

namespace SelfLearn.Agents.Manager.Cycles;

public sealed record EvaluateCycleExperiment(string CycleId, string ExperimentId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.EvaluateExperiment, ExperimentId);
}

/// <summary>
/// Evaluate: the Teacher's <see cref="EvaluateExperiment"/> records the verdict and turns a winner into a ready
/// recommendation (the Tuner's rules). A redelivered step finds the verdict recorded and reuses it.
/// </summary>
public static class EvaluateCycleExperimentHandler
{
    public static void Configure(HandlerChain chain) => CycleStepWrites.RetryConflicts(chain);

    [Transactional]
    [MessageTimeout(CycleStepWrites.StepTimeoutSeconds)]
    public static async Task<OutgoingMessages> Handle(
        EvaluateCycleExperiment message, IDocumentSession session, IDocumentStore store, IServiceScopeFactory scopes, ILogger<EvaluateCycleExperiment> log,
        CancellationToken ct)
    {
        var cycle = await CycleStepWrites.LoadAsync(session, message.CycleId, ct);
        if (!CycleStepWrites.MayStart(cycle, message, log))
            return [];
        try
        {
            var (verdict, recommendations) = await LatestVerdict.LoadAsync(store, message.ExperimentId, ct) is { } recorded
                ? (recorded, await RecommendationsOfAsync(session, message.ExperimentId, ct))
                : await EvaluateAsync(message.ExperimentId, cycle!.Experiments!.Single(x => x.Plan.ExperimentId == message.ExperimentId).SimulationId, scopes, ct);
            var treatment = verdict.Result.Treatments.Single(t => t.Variant == PrepareCycleVariantsHandler.Treatment);
            return await CycleStepWrites.RecordAsync(session, message,
                [new ExperimentEvaluated(cycle!.CycleId, message.ExperimentId, verdict.VerdictId, treatment.Call, treatment.Reasons,
                    [.. treatment.Metrics.Select(Gain)], recommendations)], log, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await CycleStepWrites.FailAsync(session, message, e, log, ct);
        }
    }

    /// <summary>Only the recorded simulation's runs count: a simulation a crash cut short left runs of its own in the experiment.</summary>
    private static async Task<(VerdictRecorded, IReadOnlyList<string>)> EvaluateAsync(
        string experimentId, string? simulationId, IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<EvaluateExperiment>()
            .RunAsync(new MetricScope(experimentId, simulationId), PlanCycleHandler.By, null, ct);
        return (report.Verdict, report.Analysis?.RecommendationIds ?? []);
    }

    private static async Task<IReadOnlyList<string>> RecommendationsOfAsync(IQuerySession session, string experimentId, CancellationToken ct) =>
        [.. (await session.Query<Recommendation>().Where(r => r.ExperimentId == experimentId).ToListAsync(ct))
            .OrderBy(r => r.RecordedAt).Select(r => r.RecommendationId)];

    private static MetricGain Gain(MetricComparison m) => new(m.Metric, m.Segment, m.Role, m.BaselineValue, m.TreatmentValue, m.AbsoluteDelta,
        m.AbsoluteInterval, m.RelativeDelta, m.RelativeInterval, m.Significance);
}
