using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class DatePrefixTests
{
    private readonly MemoryEntry inMay = Entry("We went hiking", new DateTimeOffset(2023, 5, 8, 18, 0, 0, TimeSpan.Zero));
    private readonly MemoryEntry inJune = Entry("We went hiking again", new DateTimeOffset(2023, 6, 2, 18, 0, 0, TimeSpan.Zero));
    private readonly MemoryEntry lastYear = Entry("We went to the beach", new DateTimeOffset(2022, 5, 20, 18, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_date_prefix_makes_the_month_and_year_searchable_without_reindexing()
    {
        var index = new MemoryIndex([inJune, lastYear, inMay]);

        var plain = index.Query("What did we do in May 2023?", Settings);
        var dated = index.Query("What did we do in May 2023?", Settings with { LexicalDatePrefix = true });

        Assert.All(plain.Items, i => Assert.Equal(0, i.Components.RawBm25));
        Assert.Equal(inMay.Id, dated.Items[0].Memory.Id);
        Assert.All(dated.Items, i => Assert.True(i.Components.RawBm25 > 0));
    }

    [Fact]
    public void Date_terms_lengthen_the_document_and_add_to_the_text_count()
    {
        // "may" is both in the text and in the date of this memory: tf 2, and the date adds 3 tokens to its length.
        var may = Entry("may flowers", new DateTimeOffset(2023, 5, 8, 0, 0, 0, TimeSpan.Zero));
        var other = Entry("june rain", new DateTimeOffset(2023, 6, 9, 0, 0, 0, TimeSpan.Zero));
        var index = new MemoryIndex([may, other]);
        const double k1 = 1.2, b = 0.75, averageLength = 5;

        var result = index.Query("may", Settings with { LexicalDatePrefix = true });

        var idf = Math.Log(1 + ((2 - 1 + 0.5) / (1 + 0.5)));
        Assert.Equal(idf * 2 * (k1 + 1) / (2 + (k1 * (1 - b + (b * 5 / averageLength)))), result.Item(may).Components.RawBm25, 1e-12);
        Assert.Equal(0, result.Item(other).Components.RawBm25);
    }
}
