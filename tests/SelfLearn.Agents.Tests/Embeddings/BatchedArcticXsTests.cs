using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Embeddings;

/// <summary>The real model behind the batcher: a vector must not depend on which other texts shared its batch.</summary>
public sealed class BatchedArcticXsTests(ArcticXsFixture fixture) : IClassFixture<ArcticXsFixture>
{
    private static readonly string[] Texts =
    [
        "Hi!",
        "Caroline: I went to a LGBTQ support group yesterday and it was so powerful.",
        "Melanie: Wow, that's cool, Caroline! What happened that was so awesome? Did you hear any inspiring stories?",
        "Max loves the beach at Brighton.",
        "Melanie: I'm planning to take the kids camping next month, somewhere in the mountains with a lake nearby where we can swim.",
        "",
        "Caroline: Thanks!",
        "Melanie: Painting a sunrise over the lake last summer was the most relaxing thing I've done in years, honestly.",
    ];

    [Theory]
    [InlineData(EmbeddingKind.Passage)]
    [InlineData(EmbeddingKind.Query)]
    public async Task Vectors_from_one_shared_batch_equal_the_vectors_of_each_text_alone(EmbeddingKind kind)
    {
        var alone = Texts.Select(text => fixture.Embedder.Embed([text], kind)[0]).ToArray();
        using var batching = new BatchingEmbedder(fixture.Embedder);

        var batched = await batching.EmbedAsync(Texts, kind);

        for (var i = 0; i < Texts.Length; i++)
            Assert.Equal(alone[i], batched[i]);
    }
}
