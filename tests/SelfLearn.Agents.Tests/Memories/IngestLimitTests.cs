using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Memories;

namespace SelfLearn.Agents.Tests.Memories;

public sealed class IngestLimitTests
{
    private static IngestRequest Request(params int[] lengths) =>
        new("default", "u", "t", [.. lengths.Select(n => new IngestItem(new string('a', n), null, null, null, null))]);

    [Fact]
    public void Texts_may_total_256_KiB_per_request()
    {
        // 32 full-length items (256,000 characters) plus 6,144 more reach 262,144 exactly.
        Assert.Null(IngestMemories.Validate(Request([.. Enumerable.Repeat(8000, 32), 6144])));
    }

    [Fact]
    public void One_character_more_is_refused_naming_the_item_that_goes_over()
    {
        var error = IngestMemories.Validate(Request([.. Enumerable.Repeat(8000, 32), 6145]));

        Assert.Equal("the texts of one request hold at most 262144 characters together; items[32] goes over, send the rest in another request.", error);
    }

    [Fact]
    public void A_request_holds_at_most_1000_items()
    {
        Assert.Null(IngestMemories.Validate(Request([.. Enumerable.Repeat(10, 1000)])));
        Assert.Equal("'items' must hold 1 to 1000 memories.", IngestMemories.Validate(Request([.. Enumerable.Repeat(10, 1001)])));
    }
}
