using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class DuplicateTests
{
    [Fact]
    public void A_lower_ranked_near_copy_by_vector_is_dropped()
    {
        var original = Entry("We booked the flight to Lisbon", vector: [1, 0, 0]);
        var copy = Entry("We booked our flight to Lisbon today", vector: [0.99f, 0.14f, 0]);
        var different = Entry("The flight was delayed", vector: [0, 1, 0]);
        var index = new MemoryIndex([copy, different, original]);
        var settings = Settings with { Bm25Weight = 0, DenseWeight = 1 };

        var deduplicated = index.Query("flight Lisbon", settings with { DuplicateSimilarity = 0.95 }, [1, 0, 0]);
        var all = index.Query("flight Lisbon", settings, [1, 0, 0]);

        Assert.Equal([original.Id, different.Id], deduplicated.Ids());
        Assert.Equal(1, deduplicated.Duplicates);
        Assert.Equal([original.Id, copy.Id, different.Id], all.Ids());
        Assert.Equal(0, all.Duplicates);
    }

    [Fact]
    public void Without_vectors_token_overlap_decides()
    {
        var original = Entry("We adopted a puppy named Max");
        var copy = Entry("We adopted a puppy named Max yesterday");
        var different = Entry("Max likes the park");
        var index = new MemoryIndex([original, copy, different]);

        // {adopt, puppy, nam, max} against the same plus "yesterday": Jaccard 4/5.
        var strict = index.Query("adopted puppy Max", Settings with { DuplicateSimilarity = 0.8 });
        var loose = index.Query("adopted puppy Max", Settings with { DuplicateSimilarity = 0.81 });

        Assert.Equal([original.Id, different.Id], strict.Ids());
        Assert.Equal(1, strict.Duplicates);
        Assert.Equal([original.Id, copy.Id, different.Id], loose.Ids());
    }
}
