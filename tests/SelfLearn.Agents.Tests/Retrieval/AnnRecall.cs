using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>The ANN tests' yardstick: the dense top 10 against a plain cosine scan written here, not the retriever's.</summary>
internal static class AnnRecall
{
    /// <summary>Dense only, reciprocal-rank fusion (the default), no cuts: the items are the dense top 10.</summary>
    public static readonly RetrievalSettings DenseTop10 = Settings with { Bm25Weight = 0, DenseWeight = 1, Fusion = FusionMethod.Rrf };

    /// <summary>The mean share of each dev question's true 10 nearest memories that <paramref name="index"/> returns.</summary>
    public static double Mean(LocomoVectorsFixture locomo, MemoryIndex index, List<MemoryEntry> memories)
    {
        var found = 0;
        for (var q = 0; q < locomo.Questions.Count; q++)
        {
            var expected = ExactTop10(memories, locomo.QuestionVectors[q]);
            found += index.Query(locomo.Questions[q], DenseTop10, locomo.QuestionVectors[q]).Ids().Count(expected.Contains);
        }

        return (double)found / (10 * locomo.Questions.Count);
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
