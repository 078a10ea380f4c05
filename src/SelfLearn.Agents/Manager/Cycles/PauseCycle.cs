using Marten;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine;
using Wolverine.Attributes;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>Stops cascading at the next step boundary: a step in flight is still recorded, the next one waits for a resume.</summary>
public sealed record PauseCycle(string CycleId, string By, string? Reason);

public static class PauseCycleHandler
{
    [Transactional]
    public static Task<(CycleOutcome, OutgoingMessages)> Handle(PauseCycle command, IDocumentSession session, CancellationToken ct) =>
        CycleControlWrites.WriteAsync(session, command.CycleId, c => CycleControls.Pause(c, command.By, command.Reason), cascade: false, ct);
}
