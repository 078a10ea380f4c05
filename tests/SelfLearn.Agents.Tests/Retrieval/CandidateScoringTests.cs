using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.AnnRecall;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>
/// Above the ANN threshold only candidates are fused and ranked. The reference is the same index ranking every memory
/// (the ANN path before the restriction) and, for the memories that must rank, the exact scan of an index below the threshold.
/// </summary>
public sealed class CandidateScoringTests(LocomoVectorsFixture locomo) : IClassFixture<LocomoVectorsFixture>
{
    private const int Seed = 11;

    /// <summary>
    /// The second flag: whether most questions should be answered from candidates. With a speaker boost, the bound on what a
    /// memory outside the candidates can reach gives each of them the full speaker signal, so that variant mostly ranks
    /// every memory.
    /// </summary>
    public static TheoryData<string, bool> Variants() => new()
    {
        { "defaults", true },
        { "speaker, wide neighbours, feedback, cuts", false },
        { "recency-heavy", true },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Ranking_candidates_only_gives_the_result_of_ranking_every_memory(string name, bool mostlyCandidates)
    {
        var settings = name switch
        {
            "defaults" => CatalogDefaults,
            "speaker, wide neighbours, feedback, cuts" => SpeakerNeighboursFeedbackCuts,
            _ => CatalogDefaults with { RecencyWeight = 0.6, RecencyHalfLifeDays = 2, DuplicateSimilarity = 0.9 },
        };
        using var index = new MemoryIndex(locomo.Sessions(5_000, Seed), new AnnOptions { Threshold = 1_000 });
        var now = index.Latest!.Value.AddDays(1);
        Assert.True(index.UsesAnn);

        var candidatesOnly = 0;
        for (var q = 0; q < locomo.Questions.Count; q++)
        {
            var fast = Retrieve(index, q, settings, now, scoreEveryMemory: false);
            var every = Retrieve(index, q, settings, now, scoreEveryMemory: true);
            Assert.False(every.RankedCandidatesOnly);
            Assert.Equal(Describe(every), Describe(fast));
            candidatesOnly += fast.RankedCandidatesOnly ? 1 : 0;
        }

        Assert.Equal(mostlyCandidates, candidatesOnly >= locomo.Questions.Count / 2);
        Assert.True(candidatesOnly > 0, "no question was answered from candidates, so the comparison above compared nothing");
    }

    [Fact]
    public void A_strong_lexical_hit_far_outside_the_dense_candidates_ranks_where_the_exact_scan_puts_it()
    {
        var memories = locomo.Sessions(3_000, Seed);
        var question = locomo.QuestionVectors[0];
        var hit = Entry("Caroline: my zanzibarite collection keeps growing", at: memories[0].Timestamp, vector: Opposite(question));
        memories.Add(hit);
        using var approximate = new MemoryIndex(memories, new AnnOptions { Threshold = 1_000 });
        using var exact = new MemoryIndex(memories, new AnnOptions { Threshold = int.MaxValue });
        const string Query = "What is in Caroline's zanzibarite collection?";

        var expected = HybridRetriever.Retrieve(exact, Query, question, CatalogDefaults, exact.Latest!.Value);
        var actual = HybridRetriever.Retrieve(approximate, Query, question, CatalogDefaults, approximate.Latest!.Value);

        Assert.DoesNotContain(memories.Count - 1, DenseCandidates(approximate, question));
        Assert.True(actual.RankedCandidatesOnly);
        Assert.Equal(hit.Id, expected.Ranked[0].Id);
        Assert.Equal(hit.Id, actual.Ranked[0].Id);
    }

    [Fact]
    public void The_newest_memory_ranks_first_with_a_heavy_recency_weight_though_nothing_else_finds_it()
    {
        var memories = locomo.Sessions(3_000, Seed);
        var question = locomo.QuestionVectors[0];
        var newest = Entry("an unrelated note", at: memories[^1].Timestamp.AddDays(1), vector: Opposite(question));
        memories.Add(newest);
        using var approximate = new MemoryIndex(memories, new AnnOptions { Threshold = 1_000 });
        using var exact = new MemoryIndex(memories, new AnnOptions { Threshold = int.MaxValue });

        // Recency 1 against at most 0.5 a day older: 3 · 1 beats 0.7 + 0.3 + 3 · 0.5 + 0.2 of any other memory.
        var settings = CatalogDefaults with { RecencyWeight = 3, RecencyHalfLifeDays = 1 };
        var expected = HybridRetriever.Retrieve(exact, locomo.Questions[0], question, settings, newest.Timestamp);
        var actual = HybridRetriever.Retrieve(approximate, locomo.Questions[0], question, settings, newest.Timestamp);

        Assert.DoesNotContain(memories.Count - 1, DenseCandidates(approximate, question));
        Assert.Equal(newest.Id, expected.Items[0].Memory.Id);
        Assert.Equal(newest.Id, actual.Items[0].Memory.Id);
        Assert.True(actual.RankedCandidatesOnly);
        Assert.Equal(Describe(Retrieve(approximate, locomo.Questions[0], question, settings, newest.Timestamp, scoreEveryMemory: true)), Describe(actual));
    }

    private RetrievalResult Retrieve(MemoryIndex index, int question, RetrievalSettings settings, DateTimeOffset now, bool scoreEveryMemory) =>
        Retrieve(index, locomo.Questions[question], locomo.QuestionVectors[question], settings, now, scoreEveryMemory);

    private static RetrievalResult Retrieve(MemoryIndex index, string question, float[] vector, RetrievalSettings settings, DateTimeOffset now, bool scoreEveryMemory) =>
        HybridRetriever.TryRetrieve(index, question, vector, settings, now, null, scoreEveryMemory)!;

    private static float[] Opposite(float[] vector) => [.. vector.Select(x => -x)];
}
