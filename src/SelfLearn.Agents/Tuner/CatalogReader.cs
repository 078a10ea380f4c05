using Marten;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tuner;

public static class CatalogReader
{
    public static async Task<IReadOnlyDictionary<string, ImpactFactor>> LoadAsync(IQuerySession session, CancellationToken ct) =>
        Catalog.ByKey(await session.Query<ImpactFactor>().ToListAsync(ct));
}
