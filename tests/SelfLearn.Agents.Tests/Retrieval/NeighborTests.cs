using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class NeighborTests
{
    private readonly MemoryEntry opener = Entry("Hi, how was your week?", session: "s1", ordinal: 1);
    private readonly MemoryEntry question = Entry("Where is the concert on Friday?", session: "s1", ordinal: 2);
    private readonly MemoryEntry answer = Entry("At the Blue Note, doors open at eight", session: "s1", ordinal: 4);
    private readonly MemoryEntry afterAnswer = Entry("Great, see you there", session: "s1", ordinal: 5);
    private readonly MemoryEntry elsewhere = Entry("Dinner was lovely", session: "s2", ordinal: 3);

    [Fact]
    public void The_turn_after_a_match_inherits_a_share_of_its_score()
    {
        var index = new MemoryIndex([afterAnswer, elsewhere, answer, question, opener]);

        var alone = index.Query("concert Friday", Settings with { MinScore = 0.01 });
        var withNeighbours = index.Query("concert Friday", Settings with { MinScore = 0.01, NeighborWeight = 0.6 });

        Assert.Equal([question.Id], alone.Ids());
        Assert.Equal(question.Id, withNeighbours.Items[0].Memory.Id);
        var lifted = withNeighbours.Item(answer);
        Assert.Equal(0.6, lifted.Score, 1e-12);
        Assert.Equal(0, lifted.Components.Fused);
        Assert.Equal(0.6, lifted.Components.Neighbor, 1e-12);
        Assert.Equal(0.6, withNeighbours.Item(opener).Score, 1e-12);
        Assert.Equal(0, withNeighbours.Item(question).Components.Neighbor);
        // Inheritance does not chain (the turn after the answer gets nothing) and stays inside the session.
        Assert.Equal(3, withNeighbours.Items.Count);
        Assert.DoesNotContain(afterAnswer.Id, withNeighbours.Ids());
        Assert.DoesNotContain(elsewhere.Id, withNeighbours.Ids());
    }
}
