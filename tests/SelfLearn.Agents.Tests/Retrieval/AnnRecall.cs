using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>The ANN tests' yardstick: the dense top 10 against a plain cosine scan written here, not the retriever's.</summary>
internal static class AnnRecall
{
    /// <summary>Dense only, reciprocal-rank fusion (the default), no cuts: the items are the dense top 10.</summary>
    public static readonly RetrievalSettings DenseTop10 = Settings with { Bm25Weight = 0, DenseWeight = 1, Fusion = FusionMethod.Rrf };

    /// <summary>Each dev question's true 10 nearest memories, computed once per memory set.</summary>
    public static List<HashSet<Guid>> ExactTop10s(LocomoVectorsFixture locomo, List<MemoryEntry> memories) =>
        [.. locomo.QuestionVectors.Select(query => ExactTop10(memories, query))];

    /// <summary>The mean share of each dev question's true 10 nearest memories (<see cref="ExactTop10s"/>) that <paramref name="index"/> returns.</summary>
    public static double Mean(LocomoVectorsFixture locomo, MemoryIndex index, List<HashSet<Guid>> expected)
    {
        var found = 0;
        for (var q = 0; q < locomo.Questions.Count; q++)
            found += index.Query(locomo.Questions[q], DenseTop10, locomo.QuestionVectors[q]).Ids().Count(expected[q].Contains);

        return (double)found / (10 * locomo.Questions.Count);
    }

    /// <summary>Twenty memories, each holding one question's own vector, appended and then each found first by its question.</summary>
    public static void AssertAppendedAnswersAreFound(LocomoVectorsFixture locomo, MemoryIndex index)
    {
        var appended = Enumerable.Range(0, 20).Select(q => Entry($"appended answer {q}", vector: locomo.QuestionVectors[q])).ToList();

        Assert.Equal(20, index.AddMissing(appended));

        for (var q = 0; q < appended.Count; q++)
            Assert.Equal(appended[q].Id, index.Query(locomo.Questions[q], DenseTop10, locomo.QuestionVectors[q]).Items[0].Memory.Id);
    }

    /// <summary>The positions the HNSW graphs return for <paramref name="query"/>, in their order.</summary>
    public static List<int> DenseCandidates(MemoryIndex index, float[] query)
    {
        var unit = new float[query.Length];
        DenseVector.Normalize(query, unit);
        return index.DenseCandidates(index.Snapshot, unit)!;
    }

    public static (Guid, double)[] Scores(RetrievalResult result) => [.. result.Items.Select(i => (i.Memory.Id, i.Score))];

    // In double precision, without the retriever's vector code.
    private static HashSet<Guid> ExactTop10(List<MemoryEntry> memories, float[] query) =>
        [.. memories.OrderByDescending(m => Cosine(m.Vector, query)).Take(10).Select(m => m.Id)];

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(aa * bb);
    }
}
