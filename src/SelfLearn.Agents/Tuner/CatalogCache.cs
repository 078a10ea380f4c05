using Marten;
using Marten.Services;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tuner;

/// <summary>
/// The impact-factor catalog, held in memory: every config write and every Student query needs it, and it changes
/// only through its own events. A session that commits a factor event drops the copy; the next reader loads it again.
/// One process owns the database (see docs/ARCHITECTURE.md), so no other writer can change the catalog behind it.
/// </summary>
public sealed class CatalogCache : DocumentSessionListenerBase
{
    private readonly Lock _gate = new();
    private IReadOnlyDictionary<string, ImpactFactor>? _catalog;
    private long _generation;

    public async ValueTask<IReadOnlyDictionary<string, ImpactFactor>> GetAsync(IQuerySession session, CancellationToken ct)
    {
        long generation;
        lock (_gate)
        {
            if (_catalog is { } cached)
                return cached;
            generation = _generation;
        }
        var loaded = await CatalogReader.LoadAsync(session, ct);
        lock (_gate)
        {
            // A factor event committed while this read ran: keep the answer for this caller only.
            if (_generation == generation)
                _catalog = loaded;
        }
        return loaded;
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _catalog = null;
        }
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.GetEvents().Any(e => e.Data is FactorRegistered or FactorBoundsChanged or FactorZoneChanged))
            Invalidate();
        return Task.CompletedTask;
    }
}

public static class CatalogReader
{
    public static async Task<IReadOnlyDictionary<string, ImpactFactor>> LoadAsync(IQuerySession session, CancellationToken ct) =>
        Catalog.ByKey(await session.Query<ImpactFactor>().ToListAsync(ct));
}
