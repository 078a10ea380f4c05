using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class KeywordTests
{
    private readonly MemoryEntry dogParkWalk = Entry("walked the dog to the park");
    private readonly MemoryEntry dogWalk = Entry("the dog needs a walk");
    private readonly MemoryEntry dog = Entry("dog food");
    private readonly MemoryEntry lake = Entry("the lake and the pier");
    private readonly MemoryEntry pier = Entry("pier fishing");

    [Fact]
    public void Keywords_are_the_query_terms_with_the_highest_idf_ties_by_term()
    {
        var index = new MemoryIndex([dogParkWalk, dogWalk, dog, lake, pier]);
        var settings = Settings with { KeywordWeight = 1 };

        Assert.Equal(["park", "walk"], index.Query("dog walk park zebra", settings with { KeywordCount = 2 }).Keywords);
        Assert.Equal(["park"], index.Query("dog walk park", settings with { KeywordCount = 1 }).Keywords);
        Assert.Equal(["park", "walk", "dog"], index.Query("dog walk park", settings with { KeywordCount = 5 }).Keywords);
        Assert.Equal(["lak", "park"], index.Query("park lake", settings with { KeywordCount = 2 }).Keywords);
        Assert.Empty(index.Query("dog walk park", settings with { KeywordCount = 0 }).Keywords);
    }

    [Fact]
    public void A_memory_scores_the_share_of_keywords_it_contains()
    {
        var index = new MemoryIndex([dogParkWalk, dogWalk, dog, lake, pier]);

        var result = index.Query("dog walk park", Settings with { Bm25Weight = 0, KeywordWeight = 1, KeywordCount = 2 });

        Assert.Equal(1, result.Item(dogParkWalk).Components.Keyword);
        Assert.Equal(0.5, result.Item(dogWalk).Components.Keyword);
        Assert.Equal(0, result.Item(dog).Components.Keyword);
        Assert.Equal(0.5, result.Item(dogWalk).Score);
    }
}
