using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// The meta-user's controls. Pause: a running or waiting cycle stops cascading at the next step boundary. Resume: a
/// paused cycle continues from its recorded step. Stop: any cycle that has not ended ends for good. Anything else is a
/// conflict with the cycle's state.
/// </summary>
public static class CycleControls
{
    public static Decision Pause(Cycle? cycle, string by, string? reason) =>
        cycle is null ? Decision.Refuse("no such cycle.")
        : cycle.Status is CycleStatus.Running or CycleStatus.AwaitingApproval ? Decision.Accept(new CyclePaused(cycle.CycleId, by, reason))
        : Decision.Refuse($"cycle {cycle.CycleId} is {cycle.Status}: only a running cycle or one awaiting approval can be paused.");

    public static Decision Resume(Cycle? cycle, string by) =>
        cycle is null ? Decision.Refuse("no such cycle.")
        : cycle.Status == CycleStatus.Paused ? Decision.Accept(new CycleResumed(cycle.CycleId, by))
        : Decision.Refuse($"cycle {cycle.CycleId} is {cycle.Status}: only a paused cycle can be resumed.");

    public static Decision Stop(Cycle? cycle, string by, string? reason) =>
        cycle is null ? Decision.Refuse("no such cycle.")
        : !CycleStatus.IsFinished(cycle.Status) ? Decision.Accept(new CycleStopped(cycle.CycleId, by, reason))
        : Decision.Refuse($"cycle {cycle.CycleId} is {cycle.Status}: it cannot be stopped.");
}
