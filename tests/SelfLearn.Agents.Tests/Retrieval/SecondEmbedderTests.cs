using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Querying;
using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>
/// The second dense model as one more fused signal. First-model cosines with the query [1, 0] are 1, 0.6 and 0; the
/// second model's with its query [0, 0, 1] are 0.6, 1 and 0; no text matches the query, so only the dense signals count.
/// </summary>
public sealed class SecondEmbedderTests
{
    private static readonly float[] SecondQuery = [0, 0, 1];

    private readonly MemoryEntry near = Entry("apples", vector: [1, 0]);
    private readonly MemoryEntry middle = Entry("pears", vector: [0.6f, 0.8f]);
    private readonly MemoryEntry far = Entry("plums", vector: [0, 1]);
    private readonly FixedEmbedder model = new("second", new Dictionary<string, float[]>
    {
        ["apples"] = [0, 0.8f, 0.6f], ["pears"] = [0, 0, 1], ["plums"] = [1, 0, 0], ["cherries"] = [0, 0.6f, 0.8f],
    });

    private RetrievalSettings DenseOnly(double secondWeight) =>
        Settings with { Bm25Weight = 0, DenseWeight = 1, SecondEmbedder = SecondEmbedder.MiniLm, SecondDenseWeight = secondWeight };

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public async Task The_fused_score_is_the_weighted_mean_of_both_normalised_cosines(double w)
    {
        var index = new MemoryIndex([near, middle, far]);
        await SecondModelVectors.FillAsync(index, model, TestContext.Current.CancellationToken);

        var result = index.Query("bananas", DenseOnly(w), [1, 0], SecondQuery);

        // min-max of (1, 0.6, 0) and of (0.6, 1, 0); fused = (dense + w * second) / (1 + w).
        Assert.Equal((1 + (w * 0.6)) / (1 + w), result.Item(near).Score, 1e-6);
        Assert.Equal((0.6 + (w * 1)) / (1 + w), result.Item(middle).Score, 1e-6);
        Assert.Equal(0, result.Item(far).Score);
        Assert.Equal(0.6, result.Item(near).Components.SecondDense, 1e-6);
        Assert.Equal(0.6, result.Item(near).Components.RawSecondDense, 1e-6);
        Assert.Equal(w < 1 ? [near.Id, middle.Id, far.Id] : [middle.Id, near.Id, far.Id], result.Ids());
    }

    [Fact]
    public async Task With_none_the_scores_are_bit_for_bit_those_of_an_index_without_second_vectors()
    {
        var withSecond = new MemoryIndex([near, middle, far]);
        await SecondModelVectors.FillAsync(withSecond, model, TestContext.Current.CancellationToken);
        var without = new MemoryIndex([near, middle, far]);
        var settings = Settings with { Bm25Weight = 0.7, DenseWeight = 0.3, RecencyWeight = 0.05, KeywordWeight = 0.2, KeywordCount = 3, Fusion = FusionMethod.ZScore };

        var off = withSecond.Query("apples and pears", settings with { SecondEmbedder = SecondEmbedder.None, SecondDenseWeight = 0.9 }, [0.8f, 0.6f], SecondQuery);
        var today = without.Query("apples and pears", settings, [0.8f, 0.6f]);

        Assert.Equal(today.Items.Select(i => (i.Memory.Id, i.Score, i.Components)), off.Items.Select(i => (i.Memory.Id, i.Score, i.Components)));
        Assert.Equal(today.Ranked.Select(m => m.Id), off.Ranked.Select(m => m.Id));
    }

    [Fact]
    public async Task An_index_with_memories_lacking_second_vectors_is_not_read_as_having_them()
    {
        var index = new MemoryIndex([near, middle, far]);
        await SecondModelVectors.FillAsync(index, model, TestContext.Current.CancellationToken);
        index.Add([Entry("cherries", vector: [1, 0])]);

        Assert.Throws<InvalidOperationException>(() => index.Query("bananas", DenseOnly(0.5), [1, 0], SecondQuery));
        Assert.Equal(3, index.SecondVectorCount);
    }

    [Fact]
    public async Task A_query_fills_again_when_an_ingest_lands_between_the_fill_and_the_retrieval()
    {
        var index = new MemoryIndex([near, middle, far]);
        var late = Entry("cherries", vector: [0.8f, 0.6f]);
        model.DuringFirstCall = () => index.Add([late]); // the ingest commits while the first fill is embedding

        var result = await RetrieveMemories.RunAsync(index, "bananas", [1, 0], (model, SecondQuery), DenseOnly(0.5), Today, TimeProvider.System,
            TestContext.Current.CancellationToken);

        Assert.Equal(2, model.Calls);
        Assert.Equal(4, index.SecondVectorCount);
        // cherries: first cosine 0.8 (min-max 0.8), second 0.8 (min-max 0.8): (0.8 + 0.5 * 0.8) / 1.5.
        Assert.Equal(0.8, result.Item(late).Score, 1e-6);
        Assert.Equal(4, result.Items.Count);
    }

    [Fact]
    public async Task An_empty_index_needs_no_second_vectors()
    {
        var result = await RetrieveMemories.RunAsync(new MemoryIndex([]), "bananas", [1, 0], (model, SecondQuery), DenseOnly(0.5), Today,
            TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Empty(result.Items);
        Assert.Equal(0, model.Calls);
    }

    [Fact]
    public void Vectors_that_do_not_fit_the_gap_change_nothing()
    {
        var index = new MemoryIndex([near, middle, far]);
        var gap = index.MissingSecondVectors("second");

        Assert.Throws<ArgumentException>(() => index.AddSecondVectors(gap, [[0, 0, 1], [0, 1, 0]]));
        Assert.Throws<ArgumentException>(() => index.AddSecondVectors(gap, [[0, 0, 1], [0, 1], [1, 0, 0]]));
        Assert.Throws<ArgumentException>(() => index.AddSecondVectors(gap, [[0, 0, 1], [0, float.NaN, 0], [1, 0, 0]]));
        Assert.Equal(0, index.SecondVectorCount);

        index.AddSecondVectors(gap, [[0, 0, 1], [0, 1, 0], [1, 0, 0]]);
        Assert.Throws<ArgumentException>(() => index.MissingSecondVectors("another model"));
        Assert.Equal(3, index.SecondVectorCount);
    }

    [Fact]
    public void A_slower_filler_of_the_same_gap_keeps_the_rows_already_added()
    {
        var index = new MemoryIndex([near, middle, far]);
        var gap = index.MissingSecondVectors("second");
        index.AddSecondVectors(gap, [[0, 0.8f, 0.6f], [0, 0, 1], [1, 0, 0]]);

        index.AddSecondVectors(gap, [[1, 0, 0], [1, 0, 0], [1, 0, 0]]);
        var result = index.Query("bananas", DenseOnly(0.5), [1, 0], SecondQuery);

        Assert.Equal(3, index.SecondVectorCount);
        Assert.Equal(0.6, result.Item(near).Components.RawSecondDense, 1e-6);
    }
}
