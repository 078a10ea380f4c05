using Marten;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine;
using Wolverine.Attributes;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>Ends a cycle for good; a step in flight finds it stopped and records nothing.</summary>
public sealed record StopCycle(string CycleId, string By, string? Reason);

public static class StopCycleHandler
{
    [Transactional]
    public static Task<(CycleOutcome, OutgoingMessages)> Handle(StopCycle command, IDocumentSession session, CancellationToken ct) =>
        CycleControlWrites.WriteAsync(session, command.CycleId, c => CycleControls.Stop(c, command.By, command.Reason), cascade: false, ct);
}
