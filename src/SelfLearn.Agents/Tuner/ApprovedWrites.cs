using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tuner;

/// <summary>
/// A configuration write that may spend an approval: the catalog's version, the deployment, one more document and the
/// named approval's stream are fetched for writing in one round trip (an approval named only by that document costs a
/// second one); the version event goes to the deployment's stream and the approval's use to the approval's, in one
/// transaction. Both streams are checked for concurrent changes, so of two writes spending one approval at most one commits.
/// </summary>
internal static class ApprovedWrites
{
    public static async Task<TunerOutcome> Write<TDocument>(
        IDocumentSession session,
        CatalogCache catalogCache,
        string deploymentId,
        long? expectedVersion,
        string? documentId,
        string? approvalId,
        Func<TDocument?, string?> approvalNamedBy,
        Func<IEventStream<Deployment>, TDocument?, Approval?, IReadOnlyDictionary<string, ImpactFactor>, Decision> decide,
        CancellationToken ct) where TDocument : class
    {
        try
        {
            var batch = session.CreateBatchQuery();
            var catalogVersion = CatalogVersion.ReadAsync(batch);
            var fetch = expectedVersion is { } expected
                ? batch.Events.FetchForWriting<Deployment>(deploymentId, expected)
                : batch.Events.FetchForWriting<Deployment>(deploymentId);
            var load = documentId is null ? Task.FromResult<TDocument?>(null) : batch.Load<TDocument>(documentId);
            var approvalFetch = string.IsNullOrWhiteSpace(approvalId)
                ? Task.FromResult<IEventStream<Approval>?>(null)
                : Fetch(batch, Approval.StreamKey(approvalId));
            await batch.Execute(ct);
            var stream = await fetch;
            if (stream.Aggregate is null)
                return TunerOutcome.NotFound($"no deployment '{deploymentId}'.");

            var document = await load;
            var approvalStream = await approvalFetch;
            if (approvalStream is null && approvalNamedBy(document) is { Length: > 0 } named)
                approvalStream = await session.Events.FetchForWriting<Approval>(Approval.StreamKey(named), ct);
            var catalog = await catalogCache.GetAsync(session, await catalogVersion, ct);
            var decision = decide(stream, document, approvalStream?.Aggregate, catalog);
            var uses = decision.Events.OfType<ApprovalUsed>().ToList();
            var outcome = TunerOutcome.From(decision with { Events = [.. decision.Events.Except(uses)] }, stream.CurrentVersion ?? 0);
            if (outcome.Status != TunerStatus.Accepted)
                return outcome;

            stream.AppendMany(outcome.Events);
            foreach (var use in uses)
                approvalStream!.AppendOne(use);
            await session.SaveChangesAsync(ct);
            return outcome with { Events = decision.Events };
        }
        catch (Exception e) when (ConcurrencyErrors.IsConflict(e))
        {
            return TunerOutcome.Conflict(ConcurrencyErrors.Describe(deploymentId, expectedVersion));
        }
    }

    private static async Task<IEventStream<Approval>?> Fetch(IBatchedQuery batch, string streamKey) =>
        await batch.Events.FetchForWriting<Approval>(streamKey);
}
