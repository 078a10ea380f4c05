using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class NeighborWindowTests
{
    private readonly MemoryEntry first = Entry("Hi, how was your week?", session: "s1", ordinal: 1);
    private readonly MemoryEntry second = Entry("Busy, lots of work", session: "s1", ordinal: 2);
    private readonly MemoryEntry third = Entry("Any plans on Saturday?", session: "s1", ordinal: 3);
    private readonly MemoryEntry match = Entry("The concert at the Blue Note", session: "s1", ordinal: 4);
    private readonly MemoryEntry fifth = Entry("Sounds great", session: "s1", ordinal: 5);
    private readonly MemoryEntry sixth = Entry("Bring snacks", session: "s1", ordinal: 6);
    private readonly MemoryEntry elsewhere = Entry("Dinner was lovely", session: "s2", ordinal: 5);

    private MemoryIndex Index() => new([sixth, elsewhere, match, third, first, fifth, second]);

    [Fact]
    public void Window_two_lets_a_turn_two_steps_away_inherit_half_of_what_an_adjacent_turn_does()
    {
        // Only the match has a lexical score: min-max gives it 1, so its fused score is 1 and every other is 0.
        var result = Index().Query("concert", Settings with { MinScore = 0.01, NeighborWeight = 0.6, NeighborWindow = 2 });

        Assert.Equal(1, result.Item(match).Score);
        Assert.Equal(0.6, result.Item(third).Score, 1e-12);
        Assert.Equal(0.6, result.Item(fifth).Score, 1e-12);
        Assert.Equal(0.6 / 2, result.Item(second).Score, 1e-12);
        Assert.Equal(0.6 / 2, result.Item(sixth).Score, 1e-12);
        Assert.Equal(0, result.Item(second).Components.Fused);
        Assert.Equal(0.3, result.Item(second).Components.Neighbor, 1e-12);
        var ids = result.Ids();
        Assert.Equal(5, ids.Length);
        Assert.Equal(match.Id, ids[0]);
        Assert.Equal(new[] { third.Id, fifth.Id }.Order(), ids[1..3].Order());
        Assert.Equal(new[] { second.Id, sixth.Id }.Order(), ids[3..].Order());
    }

    [Fact]
    public void Window_three_reaches_the_third_turn_at_a_third_of_the_share()
    {
        var result = Index().Query("concert", Settings with { MinScore = 0.01, NeighborWeight = 0.6, NeighborWindow = 3 });

        Assert.Equal(0.6 / 3, result.Item(first).Score, 1e-12);
        Assert.Equal(6, result.Items.Count);
        Assert.DoesNotContain(elsewhere.Id, result.Ids());
    }

    [Fact]
    public void Window_one_is_the_previous_and_next_turn_only()
    {
        var result = Index().Query("concert", Settings with { MinScore = 0.01, NeighborWeight = 0.6, NeighborWindow = 1 });

        Assert.Equal(0.6, result.Item(third).Score, 1e-12);
        Assert.Equal(0.6, result.Item(fifth).Score, 1e-12);
        Assert.Equal(3, result.Items.Count);
    }

    [Fact]
    public void A_nearer_weaker_turn_loses_to_a_farther_stronger_one_after_the_decay()
    {
        // k1 = 0 and b = 0: a term adds its idf whatever its frequency and the length. Of the 7 memories, "concert" is in
        // 2 (idf ln 3.2), "tickets" in 1 (idf ln(16/3)); min-max over {ln 3.2 + ln(16/3), ln 3.2, 0, ...}.
        var weak = first with { Text = "A concert poster" };
        var strong = match with { Text = "Concert tickets for Saturday" };
        var index = new MemoryIndex([weak, second, third, strong, fifth, sixth, elsewhere]);

        var result = index.Query("concert tickets", Settings with { Bm25K1 = 0, Bm25B = 0, NeighborWeight = 0.5, NeighborWindow = 2 });

        var weakFused = Math.Log(3.2) / (Math.Log(3.2) + Math.Log(16.0 / 3));
        Assert.Equal(weakFused, result.Item(weak).Components.Fused, 1e-12);
        Assert.Equal(1, result.Item(strong).Components.Fused, 1e-12);
        // The second turn: its previous turn passes on 0.5 · 0.41, the strong turn two steps on 0.5 · 1 / 2, the better.
        Assert.True(weakFused < 0.5);
        Assert.Equal(0.25, result.Item(second).Score, 1e-12);
        Assert.Equal(0.5, result.Item(third).Score, 1e-12);
        Assert.Equal(0.5, result.Item(fifth).Score, 1e-12);
        Assert.Equal(0.25, result.Item(sixth).Score, 1e-12);
        Assert.Equal(0, result.Item(elsewhere).Score);
    }
}
