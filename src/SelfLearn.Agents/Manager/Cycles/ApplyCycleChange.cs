using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Manager.Autonomy;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Autonomy;
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
/// the autonomy policy (<see cref="CheckAutonomy"/>) judges the best one left. Within the policy, the very version its
/// experiment tested is activated through the Tuner as the loop (<c>ByTheLoop</c>); needing a person (a factor that
/// needs an approval, a value outside the policy's ranges, the period's activations used up), a real approval is
/// requested in the same transaction as <see cref="ChangeAwaitingApproval"/>, so a redelivered step never asks twice.
/// No recommendation, a change outside the catalog, a deployment that moved on or a Tuner refusal records why nothing changed.
/// </summary>
public static class ApplyCycleChangeHandler
{
    public static void Configure(HandlerChain chain) => CycleStepWrites.RetryConflicts(chain);

    [Transactional]
    public static async Task<OutgoingMessages> Handle(
        ApplyCycleChange message, IDocumentSession session, IServiceScopeFactory scopes, ILogger<ApplyCycleChange> log, CancellationToken ct)
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
            var later = deferred.Count == 0 ? "" : $" Left for a later cycle (other factors, never tested together): {string.Join(", ", deferred.Select(d => d.RecommendationId))}.";
            var verdict = await CheckAsync(scopes, cycle, chosen, ct);
            events.Add(verdict.MayApplyWithoutApproval
                ? await CycleActivation.ActivateAsync(session, scopes, cycle, chosen, treatment, null, later, ct)
                : !verdict.WithinCatalog
                    ? new NoChange(cycle.CycleId, $"{chosen.RecommendationId} cannot be applied: {CycleApprovals.Why(verdict)}{later}")
                    : await CycleApprovalRequest.AwaitAsync(session, cycle, chosen, treatment, verdict, later, ct));
        }
        return await CycleStepWrites.RecordAsync(session, message, events, log, ct);
    }

    private static async Task<AutonomyVerdict> CheckAsync(IServiceScopeFactory scopes, Cycle cycle, CycleRecommendation chosen, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<AutonomyVerdict>(
            new CheckAutonomy(cycle.DeploymentId, chosen.Changes.ToDictionary(c => c.Key, c => c.To!.Value, StringComparer.Ordinal)), ct);
    }

    private static string NothingWon(Cycle cycle) => cycle.Experiments!.Count == 0
        ? $"nothing was tested: {string.Join(" ", cycle.PlanNotes.DefaultIfEmpty("the goal allows no factor the cycle can test."))}"
        : $"no experiment produced a ready recommendation: {string.Join("; ", cycle.Experiments.Select(e => $"{e.Plan.ExperimentId} ({e.Plan.Factor} → {e.Plan.To.GetRawText()}) {e.Call?.ToString().ToLowerInvariant() ?? (e.Skipped is null ? "" : "skipped")}"))}.";
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
            Links(cycle, chosen, approvalId), null, ByTheLoop: true), ct);
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
