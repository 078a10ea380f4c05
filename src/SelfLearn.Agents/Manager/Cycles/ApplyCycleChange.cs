using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Runtime.Handlers;

namespace SelfLearn.Agents.Manager.Cycles;

public sealed record ApplyCycleChange(string CycleId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.ApplyChange);
}

/// <summary>
/// Apply: conflicting recommendations are resolved (<see cref="RecommendationConflicts"/>, each resolution recorded);
/// the best one left is activated through the Tuner — the very version its experiment tested — when every factor it
/// changes is the loop's to change; otherwise the cycle waits for an approval. No recommendation, a deployment that
/// moved on since the cycle began, or a Tuner refusal records why nothing changed.
/// </summary>
public static class ApplyCycleChangeHandler
{
    public static void Configure(HandlerChain chain) => CycleStepWrites.RetryConflicts(chain);

    [Transactional]
    public static async Task<OutgoingMessages> Handle(
        ApplyCycleChange message, IDocumentSession session, CatalogCache catalogCache, IOptions<CycleSettings> settings, IServiceScopeFactory scopes,
        ILogger<ApplyCycleChange> log, CancellationToken ct)
    {
        var cycle = await CycleStepWrites.LoadAsync(session, message.CycleId, ct);
        if (!CycleStepWrites.MayStart(cycle, message, log))
            return [];
        var (conflicts, chosen, deferred) = RecommendationConflicts.Resolve(cycle!.CycleId, cycle.Recommendations!);
        var events = new List<object>(conflicts);
        if (chosen is null)
            events.Add(new NoChange(cycle.CycleId, NothingWon(cycle)));
        else
        {
            var treatment = cycle.Experiments!.Single(e => e.Plan.ExperimentId == chosen.ExperimentId).TreatmentVersion!.Value;
            var waiting = CycleApprovals.FactorsNeedingApproval(chosen.Changes, await catalogCache.GetAsync(session, ct), [.. settings.Value.ApprovalFactors]);
            var later = deferred.Count == 0 ? "" : $" Left for a later cycle (other factors, never tested together): {string.Join(", ", deferred.Select(d => d.RecommendationId))}.";
            events.Add(waiting.Count > 0
                ? new ChangeAwaitingApproval(cycle.CycleId, chosen.RecommendationId, CycleApprovals.ApprovalId(cycle.CycleId), treatment, chosen.Changes, waiting,
                    $"{string.Join(", ", waiting)} may not change without a person's approval.{later}")
                : await CycleActivation.ActivateAsync(session, scopes, cycle, chosen, treatment, null, later, ct));
        }
        return await CycleStepWrites.RecordAsync(session, message, events, log, ct);
    }

    private static string NothingWon(Cycle cycle) => cycle.Experiments!.Count == 0
        ? $"nothing was tested: {string.Join(" ", cycle.PlanNotes.DefaultIfEmpty("the goal allows no factor the cycle can test."))}"
        : $"no experiment produced a ready recommendation: {string.Join("; ", cycle.Experiments.Select(e => $"{e.Plan.ExperimentId} ({e.Plan.Factor} → {e.Plan.To.GetRawText()}) {e.Call?.ToString().ToLowerInvariant()}"))}.";
}

/// <summary>Activates the version an experiment tested, linked to the goal, the experiment, the recommendation and the approval.</summary>
internal static class CycleActivation
{
    public static async Task<object> ActivateAsync(
        IQuerySession session, IServiceScopeFactory scopes, Cycle cycle, CycleRecommendation chosen, int version, string? approvalId, string note, CancellationToken ct)
    {
        var deployment = await session.LoadAsync<Deployment>(cycle.DeploymentId, ct);
        if (deployment?.ActiveVersion == version)
            return Activated(cycle, chosen, version, approvalId);
        if (deployment?.ActiveVersion != cycle.BaseVersion)
            return new NoChange(cycle.CycleId, $"deployment '{cycle.DeploymentId}' moved from version {cycle.BaseVersion} to {deployment?.ActiveVersion} " +
                $"during the cycle: {chosen.RecommendationId} was measured against version {cycle.BaseVersion}, so it is not applied.{note}");
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<TunerOutcome>(new Tuner.ActivateVersion(cycle.DeploymentId, version,
            $"cycle {cycle.CycleId}: recommendation {chosen.RecommendationId} from experiment {chosen.ExperimentId}", PlanCycleHandler.By,
            Links(cycle, chosen, approvalId), null), ct);
        return outcome.Status == TunerStatus.Accepted
            ? Activated(cycle, chosen, version, approvalId)
            : new NoChange(cycle.CycleId, $"the Tuner refused to activate version {version}: {outcome.Describe()}{note}");
    }

    private static ChangeLinks Links(Cycle cycle, CycleRecommendation chosen, string? approvalId)
    {
        var experiment = cycle.Experiments!.Single(e => e.Plan.ExperimentId == chosen.ExperimentId);
        return new ChangeLinks(cycle.GoalId, chosen.ExperimentId, chosen.RecommendationId, approvalId, cycle.CycleId, experiment.Plan.HypothesisId, experiment.VerdictId);
    }

    private static ChangeActivated Activated(Cycle cycle, CycleRecommendation chosen, int version, string? approvalId) =>
        new(cycle.CycleId, chosen.RecommendationId, version, chosen.Changes, chosen.RollbackConditions, approvalId);
}
