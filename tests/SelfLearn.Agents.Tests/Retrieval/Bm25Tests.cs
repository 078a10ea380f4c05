using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class Bm25Tests
{
    // Terms after tokenising: d1 = [apple, banana, apple], d2 = [apple, cherry], d3 = [cherry, durian, melon, kiwi].
    private readonly MemoryEntry d1 = Entry("apple banana apple");
    private readonly MemoryEntry d2 = Entry("apple cherry");
    private readonly MemoryEntry d3 = Entry("cherry durian melon kiwi");

    [Fact]
    public void Scores_match_the_formula_computed_by_hand()
    {
        const double k1 = 1.2, b = 0.75, n = 3, averageLength = (3 + 2 + 4) / 3.0;
        static double Idf(double df) => Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
        static double Term(double idf, double tf, double length) => idf * tf * (k1 + 1) / (tf + (k1 * (1 - b + (b * length / averageLength))));
        var index = new MemoryIndex([d1, d2, d3]);

        var result = index.Query("apple cherry", Settings with { Bm25K1 = k1, Bm25B = b });

        var idfApple = Idf(2);
        var idfCherry = Idf(2);
        Assert.Equal(Term(idfApple, 2, 3), result.Item(d1).Components.RawBm25, 1e-12);
        Assert.Equal(Term(idfApple, 1, 2) + Term(idfCherry, 1, 2), result.Item(d2).Components.RawBm25, 1e-12);
        Assert.Equal(Term(idfCherry, 1, 4), result.Item(d3).Components.RawBm25, 1e-12);
        Assert.Equal(Math.Log(1.6), idfApple, 1e-12);
        Assert.Equal([d2.Id, d1.Id, d3.Id], result.Ids());
    }

    [Fact]
    public void K1_and_b_come_from_the_settings()
    {
        var index = new MemoryIndex([d1, d2, d3]);

        var saturated = index.Query("apple", Settings with { Bm25K1 = 0, Bm25B = 0 });

        // With k1 = 0 a term contributes its idf whatever its frequency or the document's length.
        Assert.Equal(Math.Log(1.6), saturated.Item(d1).Components.RawBm25, 1e-12);
        Assert.Equal(Math.Log(1.6), saturated.Item(d2).Components.RawBm25, 1e-12);
    }

    [Fact]
    public void A_query_without_known_terms_scores_nothing()
    {
        var index = new MemoryIndex([d1, d2, d3]);

        var result = index.Query("the zebra of it", Settings);

        Assert.All(result.Items, i => Assert.Equal(0, i.Components.RawBm25));
        Assert.All(result.Items, i => Assert.Equal(0, i.Score));
    }
}
