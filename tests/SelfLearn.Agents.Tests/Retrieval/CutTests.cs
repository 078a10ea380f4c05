using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class CutTests
{
    private readonly MemoryEntry both = Entry("violin concert tickets");
    private readonly MemoryEntry violin = Entry("violin strings");
    private readonly MemoryEntry neither = Entry("football match");
    private readonly MemoryEntry alsoNeither = Entry("grocery shopping");

    [Fact]
    public void Min_score_drops_exactly_the_memories_below_it()
    {
        var index = new MemoryIndex([both, violin, neither, alsoNeither]);
        var middle = index.Query("violin concert", Settings).Item(violin).Score;
        Assert.InRange(middle, 0.01, 0.99);

        var atMiddle = index.Query("violin concert", Settings with { MinScore = middle });
        var aboveMiddle = index.Query("violin concert", Settings with { MinScore = middle + 1e-9 });

        Assert.Equal([both.Id, violin.Id], atMiddle.Ids());
        Assert.Equal(2, atMiddle.BelowMinScore);
        Assert.Equal([both.Id], aboveMiddle.Ids());
        Assert.Equal(3, aboveMiddle.BelowMinScore);
        Assert.Equal(4, aboveMiddle.Candidates);
    }

    [Fact]
    public void An_item_over_the_budget_is_skipped_and_a_later_short_one_taken()
    {
        // The filler is all stopwords: the long memory is the best lexical match but costs over a hundred tokens.
        var tooLong = Entry("violin concert " + string.Join(' ', Enumerable.Repeat("and so it was that we were there for a while", 12)));
        var first = Entry("violin concert tickets bought");
        var shortLater = Entry("violin lesson");
        var index = new MemoryIndex([first, tooLong, shortLater, neither]);
        Assert.Equal([tooLong.Id, first.Id, shortLater.Id, neither.Id], index.Query("violin concert", Settings).Ids());
        var budget = Tokens(first) + Tokens(shortLater) + 1;

        var result = index.Query("violin concert", Settings with { MaxContextTokens = budget, MinScore = 0.01 });

        Assert.Equal([first.Id, shortLater.Id], result.Ids());
        Assert.Equal(1, result.OverBudget);
        Assert.Equal(1, result.BelowMinScore);
        Assert.Equal(Tokens(first) + Tokens(shortLater), result.ContextTokens);
        Assert.Equal(Tokens(shortLater), result.Item(shortLater).ContextTokens);
    }

    [Fact]
    public void Top_k_stops_the_walk()
    {
        var index = new MemoryIndex([both, violin, neither, alsoNeither]);

        var result = index.Query("violin concert", Settings with { TopK = 1 });

        Assert.Equal([both.Id], result.Ids());
        Assert.Empty(index.Query("violin concert", Settings with { TopK = 0 }).Items);
    }

    [Fact]
    public void Context_tokens_are_a_quarter_of_the_rendered_line_rounded_up()
    {
        var memory = new MemoryEntry(Guid.NewGuid(), "I love jazz", "Ann", Today, null, null, 0, []);

        Assert.Equal("[8 May 2023] Ann: I love jazz", ContextLine.Render(memory));
        Assert.Equal(8, ContextLine.EstimateTokens(ContextLine.Render(memory)));
        Assert.Equal("[8 May 2023] I love jazz", ContextLine.Render(memory with { Speaker = null }));
    }

    private static int Tokens(MemoryEntry memory) => ContextLine.EstimateTokens(ContextLine.Render(memory));
}
