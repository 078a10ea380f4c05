using Marten;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine;
using Wolverine.Attributes;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>Continues a paused cycle from its recorded step: that step's message is sent again with the resume.</summary>
public sealed record ResumeCycle(string CycleId, string By);

public static class ResumeCycleHandler
{
    [Transactional]
    public static Task<(CycleOutcome, OutgoingMessages)> Handle(ResumeCycle command, IDocumentSession session, CancellationToken ct) =>
        CycleControlWrites.WriteAsync(session, command.CycleId, c => CycleControls.Resume(c, command.By), cascade: true, ct);
}
