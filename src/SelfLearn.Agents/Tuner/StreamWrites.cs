using JasperFx.Events;
using Marten;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tuner;

/// <summary>Appends a decision to a stream with optimistic concurrency; a lost race becomes a Conflict outcome.</summary>
internal static class StreamWrites
{
    public static Task<TunerOutcome> Write<T>(
        IDocumentSession session,
        string streamId,
        long? expectedVersion,
        Func<IEventStream<T>, Task<Decision>> decide,
        string notFound,
        CancellationToken ct) where T : class =>
        Write<T, T>(session, streamId, expectedVersion, null, (stream, _) => decide(stream), notFound, ct);

    /// <summary>Fetches the stream and, when named, one more document in a single round trip, then decides and appends.</summary>
    public static async Task<TunerOutcome> Write<T, TDocument>(
        IDocumentSession session,
        string streamId,
        long? expectedVersion,
        string? documentId,
        Func<IEventStream<T>, TDocument?, Task<Decision>> decide,
        string notFound,
        CancellationToken ct) where T : class where TDocument : class
    {
        try
        {
            var batch = session.CreateBatchQuery();
            var fetch = expectedVersion is { } expected
                ? batch.Events.FetchForWriting<T>(streamId, expected)
                : batch.Events.FetchForWriting<T>(streamId);
            var load = documentId is null ? Task.FromResult<TDocument?>(null) : batch.Load<TDocument>(documentId);
            await batch.Execute(ct);
            var stream = await fetch;
            if (stream.Aggregate is null)
                return TunerOutcome.NotFound(notFound);

            var outcome = TunerOutcome.From(await decide(stream, await load), stream.CurrentVersion ?? 0);
            if (outcome.Status != TunerStatus.Accepted)
                return outcome;

            stream.AppendMany(outcome.Events);
            await session.SaveChangesAsync(ct);
            return outcome;
        }
        catch (Exception e) when (ConcurrencyErrors.IsConflict(e))
        {
            return TunerOutcome.Conflict(ConcurrencyErrors.Describe(streamId, expectedVersion));
        }
    }

    public static async Task<TunerOutcome> Start<T>(
        IDocumentSession session,
        string streamId,
        Decision decision,
        CancellationToken ct) where T : class
    {
        var outcome = TunerOutcome.From(decision, 0);
        if (outcome.Status != TunerStatus.Accepted)
            return outcome;
        try
        {
            session.Events.StartStream<T>(streamId, outcome.Events.ToArray());
            await session.SaveChangesAsync(ct);
            return outcome;
        }
        catch (Exception e) when (ConcurrencyErrors.IsConflict(e))
        {
            return TunerOutcome.Conflict($"'{streamId}' already exists.");
        }
    }
}
