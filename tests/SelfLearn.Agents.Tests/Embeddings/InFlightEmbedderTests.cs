using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Embeddings;

public sealed class InFlightEmbedderTests
{
    /// <summary>Holds every call until released, so two callers are certainly in flight at once.</summary>
    private sealed class GatedEmbedder(int expectedCalls) : ITextEmbedder
    {
        private readonly CountingEmbedder counting = new();
        private readonly Barrier entered = new(expectedCalls);
        private readonly Lock gate = new();

        public List<string> Embedded => counting.Embedded;

        public string Model => counting.Model;

        public int Dimensions => counting.Dimensions;

        public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
        {
            entered.SignalAndWait(TimeSpan.FromSeconds(10), ct);
            lock (gate)
                return counting.Embed(texts, kind, progress, ct);
        }
    }

    [Fact]
    public async Task Concurrent_callers_share_texts_in_flight_and_each_text_is_embedded_once()
    {
        var inner = new GatedEmbedder(expectedCalls: 2);
        var embedder = new InFlightEmbedder(inner);
        string[] first = ["alpha", "beta", "gamma"];
        string[] second = ["beta", "gamma", "delta"];

        var started = new TaskCompletionSource();
        var a = Task.Run(() => { started.SetResult(); return embedder.Embed(first, EmbeddingKind.Passage); }, TestContext.Current.CancellationToken);
        await started.Task;
        await Task.Delay(100, TestContext.Current.CancellationToken);
        var b = Task.Run(() => embedder.Embed(second, EmbeddingKind.Passage), TestContext.Current.CancellationToken);
        var results = await Task.WhenAll(a, b);

        Assert.Equal(["alpha", "beta", "delta", "gamma"], inner.Embedded.Order(StringComparer.Ordinal));
        Assert.Equal(first.Select(t => CountingEmbedder.VectorFor(EmbeddingKind.Passage + t)), results[0]);
        Assert.Equal(second.Select(t => CountingEmbedder.VectorFor(EmbeddingKind.Passage + t)), results[1]);
    }

    [Fact]
    public void A_failed_embedding_fails_its_caller_and_frees_the_text_for_the_next()
    {
        var embedder = new InFlightEmbedder(new FailingOnce());
        Assert.Throws<InvalidOperationException>(() => embedder.Embed(["x"], EmbeddingKind.Query));
        Assert.Single(embedder.Embed(["x"], EmbeddingKind.Query));
    }

    private sealed class FailingOnce : ITextEmbedder
    {
        private int calls;

        public string Model => "failing-once";

        public int Dimensions => 8;

        public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("model crashed")
                : [.. texts.Select(t => CountingEmbedder.VectorFor(t))];
    }
}
