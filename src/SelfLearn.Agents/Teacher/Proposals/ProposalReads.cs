using System.Text.Json;
using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Projections.Configuration;

namespace SelfLearn.Agents.Teacher.Proposals;

/// <summary>What deciding a proposal needs from the store: whether its id is taken, the deployment, the base version's parameters, the catalog.</summary>
internal sealed record ProposalReadModel(
    bool Exists,
    Deployment? Deployment,
    IReadOnlyDictionary<string, JsonElement>? BaseParameters,
    IReadOnlyDictionary<string, ImpactFactor> Catalog);

internal static class ProposalReads
{
    /// <summary>One round trip: the proposal's own document, the deployment and, when another version is named, that version.</summary>
    public static async Task<ProposalReadModel> LoadAsync<TProposal>(
        IQuerySession session, CatalogCache catalogCache, string? proposalStreamKey, string deploymentId, int? baseVersion, CancellationToken ct)
        where TProposal : class
    {
        var catalog = await catalogCache.GetAsync(session, ct);
        var batch = session.CreateBatchQuery();
        var existing = proposalStreamKey is null ? Task.FromResult<TProposal?>(null) : batch.Load<TProposal>(proposalStreamKey);
        var deployment = batch.Load<Deployment>(deploymentId);
        var named = baseVersion is { } version ? batch.Load<ConfigVersionView>(ConfigVersionView.IdFor(deploymentId, version)) : Task.FromResult<ConfigVersionView?>(null);
        await batch.Execute(ct);

        var loaded = await deployment;
        var parameters = baseVersion is null || baseVersion == loaded?.ActiveVersion
            ? loaded?.ActiveVersion is null ? null : loaded.ActiveParameters
            : (await named)?.Parameters;
        return new ProposalReadModel(await existing is not null, loaded, parameters, catalog);
    }
}
