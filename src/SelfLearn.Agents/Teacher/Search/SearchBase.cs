using System.Text.Json;
using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>What a search starts from: the catalog and a deployment's active parameters (catalog defaults merged), or the defaults alone.</summary>
public sealed record SearchBase(IReadOnlyDictionary<string, ImpactFactor> Catalog, IReadOnlyDictionary<string, JsonElement> Parameters, int? Version);

/// <summary>Reads the <see cref="SearchBase"/> of a deployment; a deployment that does not exist (yet) searches from the catalog defaults.</summary>
public sealed class SearchBaseReader(IDocumentStore store, CatalogCache catalogs)
{
    public async Task<SearchBase> ReadAsync(string deploymentId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var catalog = await catalogs.GetAsync(session, ct);
        var deployment = await session.LoadAsync<Deployment>(deploymentId, ct);
        var defaults = SelfLearn.Domain.Tuner.Catalog.Defaults(catalog);
        return deployment?.ActiveVersion is { } version
            ? new SearchBase(catalog, SelfLearn.Domain.Configuration.Parameters.Merge(defaults, deployment.ActiveParameters), version)
            : new SearchBase(catalog, defaults, null);
    }
}
