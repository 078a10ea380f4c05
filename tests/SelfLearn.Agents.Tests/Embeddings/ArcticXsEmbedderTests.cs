using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Embeddings;

public sealed class ArcticXsEmbedderTests(ArcticXsFixture fixture) : IClassFixture<ArcticXsFixture>
{
    private readonly ArcticXsEmbedder _embedder = fixture.Embedder;

    [Theory]
    [InlineData(EmbeddingKind.Passage)]
    [InlineData(EmbeddingKind.Query)]
    public void Vectors_have_384_dimensions_and_unit_length(EmbeddingKind kind)
    {
        var vectors = _embedder.Embed(["I went hiking with my dog last weekend.", "Hi!", ""], kind);

        Assert.Equal(384, _embedder.Dimensions);
        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.InRange(Vectors.Norm(v), 0.9999, 1.0001));
    }

    [Fact]
    public void The_same_text_gets_the_same_vector_every_time()
    {
        var first = _embedder.Embed(["Caroline joined an LGBTQ support group."], EmbeddingKind.Passage)[0];
        var second = _embedder.Embed(["Caroline joined an LGBTQ support group."], EmbeddingKind.Passage)[0];

        Assert.Equal(first, second);
    }

    [Fact]
    public void Batching_by_length_returns_the_vectors_in_input_order()
    {
        string[] texts = ["A much longer sentence about painting a sunrise over the lake last summer.", "Short one.", "Medium length text here."];

        var batched = _embedder.Embed(texts, EmbeddingKind.Passage);

        for (var i = 0; i < texts.Length; i++)
            Assert.True(Vectors.MaxDifference(batched[i], _embedder.Embed([texts[i]], EmbeddingKind.Passage)[0]) < 1e-4);
    }

    [Fact]
    public void A_paraphrase_is_closer_than_an_unrelated_sentence()
    {
        var v = _embedder.Embed(
            ["My dog loves running on the beach.", "The puppy enjoys sprinting along the seashore.", "Quarterly tax filings are due in April."],
            EmbeddingKind.Passage);

        Assert.True(Vectors.Dot(v[0], v[1]) > Vectors.Dot(v[0], v[2]) + 0.1);
    }

    [Fact]
    public void A_query_is_embedded_with_the_search_prefix()
    {
        var query = _embedder.Embed(["Where did Melanie go camping?"], EmbeddingKind.Query)[0];
        var prefixed = _embedder.Embed([ArcticXsEmbedder.QueryPrefix + "Where did Melanie go camping?"], EmbeddingKind.Passage)[0];
        var plain = _embedder.Embed(["Where did Melanie go camping?"], EmbeddingKind.Passage)[0];

        Assert.Equal(prefixed, query);
        Assert.NotEqual(plain, query);
    }

    [Fact]
    public void Progress_counts_the_texts_done()
    {
        var reports = new List<int>();
        var texts = Enumerable.Range(0, 20).Select(i => $"Sentence number {i}.").ToArray();

        _embedder.Embed(texts, EmbeddingKind.Passage, new SynchronousProgress(reports.Add));

        Assert.Equal([16, 20], reports);
    }

    [Fact]
    public void A_cancelled_call_stops_before_encoding() =>
        Assert.Throws<OperationCanceledException>(() => _embedder.Embed(["text"], EmbeddingKind.Passage, ct: new CancellationToken(canceled: true)));

    [Fact]
    public void No_texts_give_no_vectors() => Assert.Empty(_embedder.Embed([], EmbeddingKind.Passage));
}
