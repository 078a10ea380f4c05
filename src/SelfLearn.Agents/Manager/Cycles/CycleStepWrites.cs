using Marten;
using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Manager.Alerts;
using SelfLearn.Domain.Manager.Alerts;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>
/// How every step handler ends: fetch the cycle for writing (optimistic concurrency on its stream version), let the pure
/// decider accept the step's events or refuse them (a duplicate or out-of-order step appends nothing), append, and
/// cascade the next step's message while the cycle runs. Wolverine's transactional middleware commits the events and
/// the outgoing message in one transaction (Marten outbox), so a crash loses neither and a redelivery duplicates neither.
/// </summary>
internal static class CycleStepWrites
{
    public const int StepTimeoutSeconds = 3600;

    public static async Task<Cycle?> LoadAsync(IDocumentSession session, string cycleId, CancellationToken ct) =>
        await session.LoadAsync<Cycle>(Cycle.StreamKey(cycleId), ct);

    public static bool MayStart(Cycle? cycle, ICycleStepMessage message, ILogger log)
    {
        if (cycle is not null)
            CycleStepSpan.TagCycle(cycle.DeploymentId, cycle.GoalId);
        if (CycleSteps.MayStart(cycle, message.Step))
            return true;
        log.LogInformation("Cycle {CycleId}: {Step} skipped (cycle {Status}, next step {Next}).", message.CycleId, message.Step.Name,
            cycle?.Status ?? "unknown", cycle is null ? "none" : CycleSteps.Next(cycle)?.Name ?? "none");
        return false;
    }

    public static async Task<OutgoingMessages> RecordAsync(
        IDocumentSession session, ICycleStepMessage message, IReadOnlyList<object> events, ILogger log, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Cycle>(Cycle.StreamKey(message.CycleId), ct);
        var decision = RecordCycleStep.Decide(stream.Aggregate, message.Step, events);
        if (!decision.Accepted)
        {
            log.LogInformation("Cycle {CycleId}: {Step} not recorded: {Why}", message.CycleId, message.Step.Name, decision.Conflict);
            return [];
        }
        stream.AppendMany([.. decision.Events]);
        RaiseAlerts(session, stream.Aggregate!, decision.Events);
        return Cascade(RecordCycleStep.After(stream.Aggregate!, decision.Events, TimeProvider.System.GetUtcNow()));
    }

    /// <summary>A failure or a wait for a person is also an alert, committed with the step's events (a refused step raises none).</summary>
    private static void RaiseAlerts(IDocumentSession session, Cycle cycle, IReadOnlyList<object> events)
    {
        foreach (var e in events)
        {
            if (e is CycleFailed failed)
                RaiseAlert.Start(session, RaisedAlerts.CycleFailed(cycle, failed, PlanCycleHandler.By));
            else if (e is ChangeAwaitingApproval waiting)
                RaiseAlert.Start(session, RaisedAlerts.AwaitingApproval(cycle, waiting, PlanCycleHandler.By));
        }
    }

    /// <summary>A step whose work failed for good ends the cycle as failed, with the reason.</summary>
    public static Task<OutgoingMessages> FailAsync(IDocumentSession session, ICycleStepMessage message, Exception error, ILogger log, CancellationToken ct)
    {
        log.LogWarning(error, "Cycle {CycleId}: {Step} failed.", message.CycleId, message.Step.Name);
        CycleStepSpan.MarkFailed(error);
        return RecordAsync(session, message, [new CycleFailed(message.CycleId, message.Step.Name, error.Message)], log, ct);
    }

    /// <summary>
    /// The next step's message while the cycle runs; while it waits for an approval, a look at that approval (it may have
    /// been decided while the cycle was paused); none when it is paused or has ended.
    /// </summary>
    public static OutgoingMessages Cascade(Cycle cycle)
    {
        var messages = new OutgoingMessages();
        if (cycle.Status == CycleStatus.Running && CycleSteps.Next(cycle) is { } next && CycleMessages.For(cycle.CycleId, next) is { } message)
            messages.Add(message);
        else if (cycle.Status == CycleStatus.AwaitingApproval && cycle.Change?.ApprovalId is { } approvalId)
            messages.Add(new ApprovalDecided(approvalId, cycle.CycleId));
        return messages;
    }

    /// <summary>Two writers on one cycle (a step and a pause, or a redelivered step): the loser retries against the new state.</summary>
    public static void RetryConflicts(HandlerChain chain) =>
        chain.OnException(Tuner.ConcurrencyErrors.IsConflict).RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));
}
