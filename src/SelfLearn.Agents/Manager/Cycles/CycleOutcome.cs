using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Manager.Cycles;

public enum CycleOutcomeStatus { Accepted, Rejected, NotFound, Conflict }

/// <summary>What a cycle command did: the cycle after it, or why nothing was appended (the problems of a bad start, or a conflict with the cycle's state).</summary>
public sealed record CycleOutcome(CycleOutcomeStatus Status, string CycleId, IReadOnlyList<string> Problems)
{
    public static CycleOutcome Rejected(string cycleId, IReadOnlyList<string> problems) => new(CycleOutcomeStatus.Rejected, cycleId, problems);

    public static CycleOutcome From(string cycleId, Cycle? cycle, Decision decision) =>
        cycle is null ? new(CycleOutcomeStatus.NotFound, cycleId, [$"no cycle '{cycleId}'."])
        : decision.Accepted ? new(CycleOutcomeStatus.Accepted, cycleId, [])
        : new(CycleOutcomeStatus.Conflict, cycleId, [decision.Conflict!]);
}
