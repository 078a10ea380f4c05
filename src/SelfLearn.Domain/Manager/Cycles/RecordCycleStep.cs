using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// Records the result of one step. Only the cycle's next step is accepted, so a redelivered step (already recorded) or
/// one out of order appends nothing. A cycle paused while the step ran still records it (the work is done), but a
/// stopped, completed or failed cycle records nothing more. An approval is only decided while the cycle waits for it.
/// </summary>
public static class RecordCycleStep
{
    public static Decision Decide(Cycle? cycle, CycleStep step, IReadOnlyList<object> events)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(events);
        if (cycle is null)
            return Decision.Refuse("no such cycle.");
        if (CycleStatus.IsFinished(cycle.Status))
            return Decision.Refuse($"cycle {cycle.CycleId} is {cycle.Status}: nothing more is recorded on it.");
        if (CycleSteps.Next(cycle) is not { } next || next != step)
            return Decision.Refuse($"cycle {cycle.CycleId}'s next step is {CycleSteps.Next(cycle)?.Name ?? "none"}, not {step.Name}.");
        if (step.Kind == CycleStepKind.DecideApproval && cycle.Status != CycleStatus.AwaitingApproval)
            return Decision.Refuse($"cycle {cycle.CycleId} is {cycle.Status}: resume it before deciding its approval.");
        return Decision.Accept([.. events]);
    }

    /// <summary>The state after <paramref name="events"/>, to know whether the cycle runs on and which step comes next.</summary>
    public static Cycle After(Cycle cycle, IEnumerable<object> events, DateTimeOffset at) =>
        events.Aggregate(cycle, (state, e) => state.Fold(e, at));
}
