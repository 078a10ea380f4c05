using Marten;
using SelfLearn.Agents.Maas;
using System.Diagnostics;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Agents.Student.Memories;

/// <summary>
/// Stores memories of one user of one deployment, each with its vector (computed here, once) and its place in its
/// session (sessions default to the thread), after checking the whole request: nothing is written when any item is bad.
/// Each stored request leaves an ingest run in telemetry, tagged like the queries, and raises the user's memory version
/// in its transaction, so every node's next query sees the new memories.
/// </summary>
public sealed class IngestMemories(
    IDocumentStore store, ITextEmbedder embedder, MemoryIndexCache indexes, TelemetryWriter telemetry, TimeProvider clock)
{
    public const int MaxItems = 1000;
    public const int MaxTextLength = 8000;

    /// <summary>All texts of one request together: embedding is the cost of an ingest, and it holds the one encoder.</summary>
    public const int MaxTotalTextLength = 256 * 1024;
    public const int MaxIdLength = 200;

    public static string? Validate(IngestRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.DeploymentId)) return "'deploymentId' is required.";
        if (string.IsNullOrWhiteSpace(request.UserId)) return "'userId' is required.";
        if (request.UserId.Length > MaxIdLength || request.ThreadId?.Length > MaxIdLength) return $"ids are at most {MaxIdLength} characters.";
        if (request.Items is not { Count: > 0 and <= MaxItems }) return $"'items' must hold 1 to {MaxItems} memories.";
        if (RequestTags.Validate(request.CycleType, ("experimentId", request.ExperimentId), ("variant", request.Variant),
                ("simulationId", request.SimulationId)) is { } badTag)
            return badTag;
        if (request.Variant is not null && request.ExperimentId is null) return "'variant' needs an 'experimentId'.";
        var totalText = 0;
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            if (item is null || string.IsNullOrWhiteSpace(item.Text)) return $"items[{i}].text is empty.";
            if (item.Text.Length > MaxTextLength) return $"items[{i}].text is longer than {MaxTextLength} characters.";
            totalText += item.Text.Length;
            if (totalText > MaxTotalTextLength)
                return $"the texts of one request hold at most {MaxTotalTextLength} characters together; items[{i}] goes over, send the rest in another request.";
            if (item.Timestamp is not null && !Timestamps.TryParse(item.Timestamp, out _))
                return $"items[{i}].timestamp '{item.Timestamp}' is not an ISO-8601 timestamp.";
            if (item.Speaker?.Length > MaxIdLength || item.SourceId?.Length > MaxIdLength || item.SessionId?.Length > MaxIdLength)
                return $"items[{i}]: speaker, sourceId and sessionId are at most {MaxIdLength} characters.";
        }
        return null;
    }

    /// <summary>
    /// Returns the new memory ids, or the 400 message when the request is invalid (then nothing is written). Embedding
    /// runs before the user's ordinals are reserved, so the lock is held for the count and the insert only.
    /// </summary>
    public async Task<(IReadOnlyList<Guid>? Ids, string? Error)> HandleAsync(IngestRequest request, CancellationToken ct)
    {
        if (Validate(request) is { } error)
            return (null, error);
        var watch = Stopwatch.StartNew();
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<Deployment>(request.DeploymentId!, ct) is null)
            return (null, $"no deployment '{request.DeploymentId}'.");

        var items = request.Items!;
        var vectors = await embedder.EmbedAsync(items.Select(i => Passage(i.Speaker, i.Text!)).ToList(), EmbeddingKind.Passage, ct);
        var now = clock.GetUtcNow();
        var ordinals = await SessionOrdinals.ReserveAsync(session, request, ct);
        var memories = items.Select((item, i) =>
        {
            var sessionKey = item.SessionId ?? request.ThreadId;
            var ordinal = ordinals[sessionKey ?? ""]++;
            return new MemoryDocument(Guid.CreateVersion7(), request.DeploymentId!, request.UserId!, request.ThreadId, sessionKey, ordinal,
                item.Speaker, item.Text!, item.Timestamp is null ? now : Timestamps.Parse(item.Timestamp), item.SourceId, vectors[i], now);
        }).ToList();

        session.Store(memories.ToArray());
        var version = await MemoryVersions.RaiseAsync(session, request.DeploymentId!, request.UserId!, ct);
        await session.SaveChangesAsync(ct);
        // Committed: from here on nothing may fail the request.
        indexes.Added(request.DeploymentId!, request.UserId!, memories, version);
        telemetry.Enqueue(new IngestRun(Guid.CreateVersion7(), now, request.DeploymentId!, request.ExperimentId, request.Variant,
            CycleTypes.Of(request.CycleType, request.ExperimentId), request.SimulationId, memories.Count, Math.Round(watch.Elapsed.TotalMilliseconds, 3)));
        return (memories.Select(m => m.Id).ToList(), null);
    }

    public static string Passage(string? speaker, string text) => speaker is null ? text : $"{speaker}: {text}";
}
