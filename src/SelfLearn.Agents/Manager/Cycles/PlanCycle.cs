using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Manager.Cycles.Screening;
using SelfLearn.Agents.Teacher.Hypotheses;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Tuner;
using SelfLearn.Projections.Configuration;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Runtime.Handlers;

namespace SelfLearn.Agents.Manager.Cycles;

public sealed record PlanCycle(string CycleId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.Plan);
}

/// <summary>
/// Plan: the offline planner drafts one-step changes on the goal's allowed factors, the search's evaluator screens them
/// offline (<see cref="ScreenCycleCandidates"/>) and the planner ranks them; each chosen one is recorded through the
/// Teacher's <see cref="ProposeHypothesis"/> (the Tuner's rules for its values); the recorded ones, up to the goal's
/// experiment budget, become the cycle's experiments, designed from the goal (primary metrics with a minimum effect,
/// guards as the goal states them). Ids derive from the cycle's, so a redelivered plan finds its hypotheses recorded.
/// </summary>
public static class PlanCycleHandler
{
    public const string By = "system:manager";

    public static void Configure(HandlerChain chain) => CycleStepWrites.RetryConflicts(chain);

    [Transactional]
    [MessageTimeout(CycleStepWrites.StepTimeoutSeconds)]
    public static async Task<OutgoingMessages> Handle(
        PlanCycle message, IDocumentSession session, CatalogCache catalogCache, ScreenCycleCandidates screener, IServiceScopeFactory scopes,
        ILogger<PlanCycle> log, CancellationToken ct)
    {
        var cycle = await CycleStepWrites.LoadAsync(session, message.CycleId, ct);
        if (!CycleStepWrites.MayStart(cycle, message, log))
            return [];
        try
        {
            var catalog = await catalogCache.GetAsync(session, ct);
            var baseVersion = await session.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor(cycle!.DeploymentId, cycle.BaseVersion), ct)
                              ?? throw new InvalidOperationException($"version {cycle.BaseVersion} of deployment '{cycle.DeploymentId}' is gone.");
            // A version recorded before a factor joined the catalog lacks it; the Student reads the catalog's default for it.
            var parameters = Parameters.Merge(Catalog.Defaults(catalog), baseVersion.Parameters);
            var draft = CyclePlanner.Draft(cycle, catalog, parameters, await TriedAsync(session, cycle, ct));
            var screened = await screener.ScreenAsync(cycle.Goal, draft, parameters, ct);
            var (hypotheses, scenarios, notes, candidates) = CyclePlanner.Plan(cycle, draft, screened.Screen);
            var planned = new List<PlannedExperiment>();
            var allNotes = screened.Note is { } note ? [note, .. notes] : notes.ToList();
            await using var scope = scopes.CreateAsyncScope();
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            foreach (var hypothesis in hypotheses)
            {
                var recorded = await bus.InvokeAsync<TunerOutcome>(new ProposeHypothesis(hypothesis.Experiment.HypothesisId, hypothesis.Draft, By), ct);
                if (recorded.Status is TunerStatus.Accepted || (recorded.Status is TunerStatus.Conflict && await IsRecordedAsync(session, hypothesis, ct)))
                    planned.Add(hypothesis.Experiment);
                else
                {
                    var reason = $"the Teacher refused the hypothesis: {recorded.Describe()}";
                    allNotes.Add($"{hypothesis.Experiment.Factor} to {hypothesis.Experiment.To.GetRawText()} was not planned: {reason}");
                    candidates = [.. candidates.Select(c => c.Outcome == PlanCandidate.Planned && c.Factor == hypothesis.Experiment.Factor
                        && c.To.GetRawText() == hypothesis.Experiment.To.GetRawText() ? c with { Outcome = PlanCandidate.Dropped, Reason = reason } : c)];
                }
            }
            return await CycleStepWrites.RecordAsync(session, message,
                [new CyclePlanned(cycle.CycleId, planned, planned.Count == 0 ? 0 : scenarios, allNotes, candidates, screened.Screen?.Screening)], log, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await CycleStepWrites.FailAsync(session, message, e, log, ct);
        }
    }

    /// <summary>A recorded goal's hypotheses its earlier cycles planned on this cycle's base version (a new active version is new evidence).</summary>
    private static async Task<IReadOnlySet<string>> TriedAsync(IQuerySession session, Cycle cycle, CancellationToken ct)
    {
        if (await session.LoadAsync<Domain.Manager.Goals.Goal>(Domain.Manager.Goals.Goal.StreamKey(cycle.GoalId), ct) is null)
            return new HashSet<string>();
        var earlier = await GoalCycleStarts.GoalCyclesAsync(session, cycle.GoalId, ct);
        return earlier.Where(c => c.CycleId != cycle.CycleId && c.BaseVersion == cycle.BaseVersion)
            .SelectMany(c => c.Experiments ?? []).Where(x => x.Skipped is null).Select(x => CyclePlanner.Tried(x.Plan.Factor, x.Plan.From, x.Plan.To)).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<bool> IsRecordedAsync(IQuerySession session, CycleHypothesis hypothesis, CancellationToken ct) =>
        await session.LoadAsync<Domain.Teacher.Hypotheses.Hypothesis>(Domain.Teacher.Hypotheses.Hypothesis.StreamKey(hypothesis.Experiment.HypothesisId), ct)
            is { } recorded && recorded.Factor == hypothesis.Experiment.Factor;
}
