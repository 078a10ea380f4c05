using Marten;
using Marten.Services;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tuner;

/// <summary>
/// The impact-factor catalog, held in memory: every config write and every Student query needs it, and it changes
/// only through its own events. Several nodes share the database, so the copy carries the <see cref="CatalogVersion"/>
/// it holds at least, and a reader that saw a newer version loads the catalog again. As a session listener it raises
/// that version in the same transaction as any factor event.
/// </summary>
public sealed class CatalogCache : DocumentSessionListenerBase
{
    private readonly Lock _gate = new();
    private (IReadOnlyDictionary<string, ImpactFactor> Factors, long Version)? _catalog;

    /// <summary>For callers outside the query path: reads the version first (one small round trip), then as below.</summary>
    public async ValueTask<IReadOnlyDictionary<string, ImpactFactor>> GetAsync(IQuerySession session, CancellationToken ct) =>
        await GetAsync(session, await CatalogVersion.ReadAsync(session, ct), ct);

    /// <summary>
    /// The catalog as of at least <paramref name="version"/>, which the caller read before this call: a load started
    /// now reads every factor event committed with that version or an older one, so it may claim it.
    /// </summary>
    public async ValueTask<IReadOnlyDictionary<string, ImpactFactor>> GetAsync(IQuerySession session, long version, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_catalog is { } cached && cached.Version >= version)
                return cached.Factors;
        }
        var loaded = await CatalogReader.LoadAsync(session, ct);
        lock (_gate)
        {
            if (_catalog is not { } current || current.Version < version)
                _catalog = (loaded, version);
        }
        return loaded;
    }

    public void Invalidate()
    {
        lock (_gate)
            _catalog = null;
    }

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (session.PendingChanges.Streams().Any(s => s.Events.Any(e => e.Data is FactorRegistered or FactorBoundsChanged or FactorZoneChanged)))
            session.QueueSqlCommand(CatalogVersion.RaiseSql);
        return Task.CompletedTask;
    }

    /// <summary>This node's own factor changes show at once, also to readers that do not check the version.</summary>
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
