using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Memories;

namespace SelfLearn.Benchmarks.Student.Embedding;

/// <summary>One embedding request of the cold pass: a session's turns at ingest, or one question.</summary>
internal sealed record EmbedRequest(IReadOnlyList<string> Texts, EmbeddingKind Kind);

/// <summary>
/// The embedding work of the emulator's cold LoCoMo pass: every session ingested as one request and every question asked,
/// each by variants a and b at the same time (so each text is requested twice, side by side).
/// </summary>
internal static class ColdPass
{
    public static IReadOnlyList<EmbedRequest> Requests(IReadOnlyList<LocomoConversation> conversations)
    {
        var once = conversations.SelectMany(c =>
            c.Sessions.Select(s => new EmbedRequest(s.Turns.Select(t => IngestMemories.Passage(t.Speaker, t.MemoryText)).ToArray(), EmbeddingKind.Passage))
                .Concat(c.Questions.Select(q => new EmbedRequest([q.Question], EmbeddingKind.Query))));
        return once.SelectMany(request => new[] { request, request }).ToList();
    }

    public static int DistinctTexts(IReadOnlyList<EmbedRequest> requests) =>
        requests.SelectMany(r => r.Texts.Select(t => (r.Kind, t))).Distinct().Count();

    /// <summary>Plays the requests, <paramref name="concurrency"/> at a time, in order of start.</summary>
    public static Task PlayAsync(ITextEmbedder embedder, IReadOnlyList<EmbedRequest> requests, int concurrency, CancellationToken ct) =>
        Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (request, token) => await embedder.EmbedAsync(request.Texts, request.Kind, token));
}
