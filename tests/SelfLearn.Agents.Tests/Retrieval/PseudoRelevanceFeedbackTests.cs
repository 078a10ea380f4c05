using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>
/// With k1 = 0 and b = 0 a term adds exactly its idf ln(1 + (N − df + 0.5) / (df + 0.5)) to a memory that contains it, so
/// every expected score below is a sum of idfs. Four memories: "concert" is in 1 (idf ln(10/3)), "venue" in 1, "Birdland" in 2 (idf ln 2).
/// </summary>
public sealed class PseudoRelevanceFeedbackTests
{
    private static readonly RetrievalSettings Lexical = Settings with { Bm25K1 = 0, Bm25B = 0, MinScore = 0.01 };

    private readonly MemoryEntry hit = Entry("concert venue Birdland");
    private readonly MemoryEntry sharesExpansion = Entry("Birdland opens at eight");
    private readonly MemoryEntry dinner = Entry("dinner with mom");
    private readonly MemoryEntry garden = Entry("gardening today");

    private MemoryIndex Index() => new([dinner, sharesExpansion, garden, hit]);

    [Fact]
    public void An_expansion_term_of_the_top_hit_pulls_in_a_memory_that_shares_only_that_term()
    {
        var result = Index().Query("concert", Lexical with { PrfTerms = 2, PrfDocs = 3, PrfWeight = 0.5 });

        // Expansion, highest idf first: "venue" (df 1), then "Birdland" (df 2).
        var hitRaw = Math.Log(10.0 / 3) + (0.5 * (Math.Log(10.0 / 3) + Math.Log(2)));
        var pulledRaw = 0.5 * Math.Log(2);
        Assert.Equal([hit.Id, sharesExpansion.Id], result.Ids());
        Assert.Equal(hitRaw, result.Item(hit).Components.RawBm25, 1e-12);
        Assert.Equal(pulledRaw, result.Item(sharesExpansion).Components.RawBm25, 1e-12);
        Assert.Equal(pulledRaw / hitRaw, result.Item(sharesExpansion).Score, 1e-12);
    }

    [Fact]
    public void Only_the_highest_idf_terms_are_added()
    {
        var result = Index().Query("concert", Lexical with { PrfTerms = 1, PrfDocs = 3, PrfWeight = 0.5 });

        Assert.Equal([hit.Id], result.Ids());
        Assert.Equal(1.5 * Math.Log(10.0 / 3), result.Item(hit).Components.RawBm25, 1e-12);
    }

    [Fact]
    public void No_terms_or_no_weight_leaves_the_lexical_scores_as_they_were()
    {
        foreach (var off in new[] { Lexical with { PrfTerms = 0, PrfWeight = 0.5 }, Lexical with { PrfTerms = 5, PrfWeight = 0 } })
        {
            var result = Index().Query("concert", off);

            Assert.Equal([hit.Id], result.Ids());
            Assert.Equal(Math.Log(10.0 / 3), result.Item(hit).Components.RawBm25, 1e-12);
        }
    }

    [Fact]
    public void Expansion_terms_are_not_keywords()
    {
        var result = Index().Query("concert", Lexical with { KeywordCount = 5, PrfTerms = 2, PrfWeight = 0.5 });

        Assert.Equal(["concert"], result.Keywords);
        Assert.Equal(0, result.Item(sharesExpansion).Components.Keyword);
    }

    [Fact]
    public void Equal_first_pass_scores_give_the_newer_memory_as_feedback()
    {
        var newer = Entry("concert Birdland", at: Today);
        var older = Entry("concert Smalls", at: Today.AddDays(-1));
        var birdland = Entry("Birdland opens", at: Today.AddDays(-9));
        var smalls = Entry("Smalls opens", at: Today.AddDays(-9));

        var result = new MemoryIndex([smalls, older, birdland, newer]).Query("concert", Lexical with { PrfTerms = 1, PrfDocs = 1 });

        Assert.Equal([newer.Id, older.Id, birdland.Id], result.Ids());
        var swapped = new MemoryIndex([smalls, older with { Timestamp = Today }, birdland, newer with { Timestamp = Today.AddDays(-1) }])
            .Query("concert", Lexical with { PrfTerms = 1, PrfDocs = 1 });
        Assert.Equal([older.Id, newer.Id, smalls.Id], swapped.Ids());
    }
}
