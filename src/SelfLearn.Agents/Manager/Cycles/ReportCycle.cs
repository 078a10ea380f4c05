using Marten;
using Microsoft.Extensions.Logging;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Runtime.Handlers;

namespace SelfLearn.Agents.Manager.Cycles;

public sealed record ReportCycle(string CycleId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.Report);
}

/// <summary>Report: what the cycle tested and changed, from its own events; then the cycle is complete.</summary>
public static class ReportCycleHandler
{
    public static void Configure(HandlerChain chain) => CycleStepWrites.RetryConflicts(chain);

    [Transactional]
    public static async Task<OutgoingMessages> Handle(ReportCycle message, IDocumentSession session, ILogger<ReportCycle> log, CancellationToken ct)
    {
        var cycle = await CycleStepWrites.LoadAsync(session, message.CycleId, ct);
        if (!CycleStepWrites.MayStart(cycle, message, log))
            return [];
        return await CycleStepWrites.RecordAsync(session, message,
            [new CycleReported(cycle!.CycleId, CycleReports.Of(cycle)), new CycleCompleted(cycle.CycleId, cycle.Change?.Kind ?? CycleChange.None)], log, ct);
    }
}
