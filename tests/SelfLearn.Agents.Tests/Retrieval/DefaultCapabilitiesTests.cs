using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>
/// One index where every new capability would change something if it were on: a turn two steps from the match, a memory
/// that shares a term only with the top hit, and a speaker the question names. At the defaults the scores are the
/// four-signal formula with adjacent-turn inheritance, computed here by hand.
/// </summary>
public sealed class DefaultCapabilitiesTests
{
    [Fact]
    public void At_their_defaults_the_window_expansion_and_speaker_factors_change_no_score()
    {
        var before = Entry("Any plans?", speaker: "Caroline", session: "s1", ordinal: 1);
        var adjacent = Entry("Saturday maybe", speaker: "Melanie", session: "s1", ordinal: 2);
        var match = Entry("The concert at Birdland", speaker: "Caroline", session: "s1", ordinal: 3);
        var twoAway = Entry("Great idea", speaker: "Caroline", session: "s1", ordinal: 5);
        var nextToMatch = Entry("Sure thing", speaker: "Melanie", session: "s1", ordinal: 4);
        var sharesExpansion = Entry("Birdland opens at eight", speaker: "Melanie", session: "s2", ordinal: 1);
        var index = new MemoryIndex([twoAway, sharesExpansion, match, before, nextToMatch, adjacent]);

        var result = index.Query("Did Melanie enjoy the concert?", Settings with { Bm25K1 = 0, Bm25B = 0, NeighborWeight = 0.6 });

        // Min-max of BM25: only the match contains a query term, so its fused score is 1 and every other is 0.
        Assert.Equal(1, result.Item(match).Score);
        Assert.Equal(Math.Log(1 + (5.5 / 1.5)), result.Item(match).Components.RawBm25, 1e-12);
        Assert.Equal(0.6, result.Item(adjacent).Score, 1e-12);
        Assert.Equal(0.6, result.Item(nextToMatch).Score, 1e-12);
        Assert.Equal(0, result.Item(before).Score);
        Assert.Equal(0, result.Item(twoAway).Score);
        Assert.Equal(0, result.Item(sharesExpansion).Score);
        Assert.Equal(0, result.Item(sharesExpansion).Components.RawBm25);
    }
}
