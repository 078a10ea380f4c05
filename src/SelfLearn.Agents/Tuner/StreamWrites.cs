using JasperFx.Events;
using Marten;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tuner;

/// <summary>Appends a decision to a stream with optimistic concurrency; a lost race becomes a Conflict outcome.</summary>
internal static class StreamWrites
{
    public static async Task<TunerOutcome> Write<T>(
        IDocumentSession session,
        string streamId,
        long? expectedVersion,
        Func<IEventStream<T>, Task<Decision>> decide,
        string notFound,
        CancellationToken ct) where T : class
    {
        try
        {
            var stream = expectedVersion is { } expected
                ? await session.Events.FetchForWriting<T>(streamId, expected, ct)
                : await session.Events.FetchForWriting<T>(streamId, ct);
            if (stream.Aggregate is null)
                return TunerOutcome.NotFound(notFound);

            var outcome = TunerOutcome.From(await decide(stream), stream.CurrentVersion ?? 0);
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
