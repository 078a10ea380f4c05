using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Embeddings;

public sealed class BatchingEmbedderTests : IDisposable
{
    private readonly GatedEmbedder _model = new();
    private readonly BatchingEmbedder _embedder;

    public BatchingEmbedderTests() => _embedder = new BatchingEmbedder(_model, new EmbeddingBatchOptions { MaxBatchSize = 64, MaxWaitMs = 0 });

    [Fact]
    public async Task Callers_arriving_while_the_model_is_busy_share_the_next_batch()
    {
        var blocker = await HoldTheModelWith("blocker");

        var callers = await StartTogether(
            () => _embedder.EmbedAsync(["alpha"], EmbeddingKind.Passage),
            () => _embedder.EmbedAsync(["beta", "gamma"], EmbeddingKind.Passage),
            () => _embedder.EmbedAsync(["delta"], EmbeddingKind.Passage));
        _model.Open(2);
        await blocker;
        var vectors = await Task.WhenAll(callers);

        var batches = _model.Batches.ToArray();
        Assert.Equal(2, batches.Length);
        Assert.Equal(["alpha", "beta", "delta", "gamma"], batches[1].Order(StringComparer.Ordinal));
        Assert.Equal([Expected("alpha")], vectors[0]);
        Assert.Equal([Expected("beta"), Expected("gamma")], vectors[1]);
        Assert.Equal([Expected("delta")], vectors[2]);
    }

    [Fact]
    public async Task Many_callers_of_one_queued_text_cause_one_computation()
    {
        var blocker = await HoldTheModelWith("blocker");

        var callers = await StartTogether(Enumerable.Repeat(() => _embedder.EmbedAsync(["alpha"], EmbeddingKind.Passage), 8).ToArray());
        _model.Open(2);
        await blocker;
        var vectors = await Task.WhenAll(callers);

        Assert.Equal(["blocker", "alpha"], _model.AllTexts);
        Assert.All(vectors, v => Assert.Equal([Expected("alpha")], v));
    }

    [Fact]
    public async Task Callers_of_a_text_being_computed_wait_for_that_computation()
    {
        var first = await HoldTheModelWith("alpha");

        var later = await StartTogether(Enumerable.Repeat(() => _embedder.EmbedAsync(["alpha"], EmbeddingKind.Passage), 8).ToArray());
        _model.Open();
        var vectors = await Task.WhenAll(later.Prepend(first));

        Assert.Equal(["alpha"], _model.AllTexts);
        Assert.All(vectors, v => Assert.Equal([Expected("alpha")], v));
    }

    [Fact]
    public async Task A_query_and_a_passage_of_the_same_text_are_computed_apart()
    {
        _model.Open(2);

        var passage = await _embedder.EmbedAsync(["alpha"], EmbeddingKind.Passage);
        var query = await _embedder.EmbedAsync(["alpha"], EmbeddingKind.Query);

        Assert.Equal([Expected("alpha")], passage);
        Assert.Equal([CountingEmbedder.VectorFor("Queryalpha")], query);
        Assert.Equal(["alpha", "alpha"], _model.AllTexts);
    }

    [Fact]
    public async Task A_failed_batch_fails_its_own_callers_only_and_nothing_is_cached_for_them()
    {
        var cache = new InMemoryEmbeddingCache();
        var cached = new CachedEmbedder(_embedder, cache);
        _model.FailingOnce["poison"] = true;
        var failing = await HoldTheModelWith("poison", cached);
        var next = cached.EmbedAsync(["fine"], EmbeddingKind.Passage);

        _model.Open(3);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        var fine = await next;

        Assert.Equal("the model failed on 'poison'", error.Message);
        Assert.Equal([Expected("fine")], fine);
        Assert.Equal([["poison"], ["fine"]], _model.Batches);
        Assert.Empty(cache.GetMany([Key("poison")]));
        Assert.Equal(Expected("fine"), cache.GetMany([Key("fine")])[Key("fine")]);

        var retried = await cached.EmbedAsync(["poison"], EmbeddingKind.Passage);
        Assert.Equal([Expected("poison")], retried);
        Assert.Equal(["poison", "fine", "poison"], _model.AllTexts);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_others()
    {
        using var giveUp = new CancellationTokenSource();
        var first = await HoldTheModelWith("alpha", token: giveUp.Token);
        var other = _embedder.EmbedAsync(["alpha"], EmbeddingKind.Passage);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.False(other.IsCompleted);
        _model.Open();

        Assert.Equal([Expected("alpha")], await other);
        Assert.Equal(["alpha"], _model.AllTexts);
    }

    public void Dispose()
    {
        _model.Open(100);
        _embedder.Dispose();
    }

    /// <summary>Starts a call and returns once its batch is inside the model, held there until the test opens the gate.</summary>
    [Fact]
    public async Task A_model_answering_with_the_wrong_number_of_vectors_fails_that_batch_and_the_next_batch_is_served()
    {
        using var embedder = new BatchingEmbedder(new ShortAnswerModel(), new EmbeddingBatchOptions { MaxBatchSize = 64, MaxWaitMs = 0 });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => embedder.EmbedAsync(["bad"], EmbeddingKind.Passage));
        var next = await embedder.EmbedAsync(["fine"], EmbeddingKind.Passage);

        Assert.Equal("the embedding model returned 0 vectors for 1 texts.", error.Message);
        Assert.Equal([[1f]], next);
    }

    /// <summary>Leaves out one vector from any batch holding "bad".</summary>
    private sealed class ShortAnswerModel : ITextEmbedder
    {
        public string Model => "short";

        public int Dimensions => 1;

        public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default) =>
            [.. texts.Skip(texts.Contains("bad") ? 1 : 0).Select(_ => new[] { 1f })];
    }

    private async Task<Task<float[][]>> HoldTheModelWith(string text, ITextEmbedder? through = null, CancellationToken token = default)
    {
        var call = (through ?? _embedder).EmbedAsync([text], EmbeddingKind.Passage, token);
        await _model.EnteredAsync();
        return call;
    }

    /// <summary>Starts every call on its own thread, released together by a barrier, and returns once all are queued or joined.</summary>
    private static async Task<Task<float[][]>[]> StartTogether(params Func<Task<float[][]>>[] calls)
    {
        using var barrier = new Barrier(calls.Length);
        var started = calls.Select(call => Task.Factory.StartNew(() =>
        {
            barrier.SignalAndWait(TimeSpan.FromSeconds(30));
            return call();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        return await Task.WhenAll(started);
    }

    private static float[] Expected(string text) => CountingEmbedder.VectorFor("Passage" + text);

    private static string Key(string text) => EmbeddingCacheKey.For("gated-test-model", EmbeddingKind.Passage, text);
}
