using Marten;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Tuner;
using Wolverine;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>Appends a pause, resume or stop decided against the cycle as fetched for writing; a lost race is a conflict.</summary>
internal static class CycleControlWrites
{
    public static async Task<(CycleOutcome, OutgoingMessages)> WriteAsync(
        IDocumentSession session, string cycleId, Func<Cycle?, Decision> decide, bool cascade, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Cycle>(Cycle.StreamKey(cycleId), ct);
        var decision = decide(stream.Aggregate);
        var outcome = CycleOutcome.From(cycleId, stream.Aggregate, decision);
        if (outcome.Status != CycleOutcomeStatus.Accepted)
            return (outcome, []);
        stream.AppendMany([.. decision.Events]);
        var after = RecordCycleStep.After(stream.Aggregate!, decision.Events, TimeProvider.System.GetUtcNow());
        return (outcome, cascade ? CycleStepWrites.Cascade(after) : []);
    }
}
