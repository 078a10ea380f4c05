using Marten;
using SelfLearn.Domain.Manager.Cycles;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>A cycle by id, or the latest one started (the command line's <c>report</c>).</summary>
public sealed class CycleLookup(IDocumentStore store)
{
    public async Task<Cycle?> FindAsync(string? cycleId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return cycleId is not null
            ? await session.LoadAsync<Cycle>(Cycle.StreamKey(cycleId), ct)
            : await session.Query<Cycle>().OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.CycleId).FirstOrDefaultAsync(ct);
    }
}
