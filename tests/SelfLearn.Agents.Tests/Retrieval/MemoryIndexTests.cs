using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Student.Retrieval.SessionLinks;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class MemoryIndexTests
{
    [Fact]
    public void Added_memories_are_counted_dated_and_found()
    {
        var index = new MemoryIndex([Entry("first note", Today.AddDays(-3))]);
        Assert.Null(new MemoryIndex([]).Latest);

        var later = Entry("saxophone practice", Today);
        index.Add([later, Entry("second note", Today.AddDays(-1))]);

        Assert.Equal(3, index.Count);
        Assert.Equal(Today, index.Latest);
        Assert.Equal(later.Id, index.Query("saxophone", Settings).Items[0].Memory.Id);
    }

    [Fact]
    public void Memories_added_in_batches_out_of_time_order_are_ordered_newest_first()
    {
        var random = new Random(3);
        var batches = Enumerable.Range(0, 5)
            .Select(_ => Enumerable.Range(0, 40).Select(_ => Entry("note", Today.AddHours(-random.Next(0, 500)))).ToList())
            .ToList();
        var index = new MemoryIndex(batches[0]);
        foreach (var batch in batches.Skip(1))
            index.Add(batch);

        var ticks = index.Snapshot.NewestFirst.Select(p => index.Snapshot.Memories[p].Entry.Timestamp.UtcTicks).ToList();

        Assert.Equal(200, index.Snapshot.NewestFirst.Distinct().Count());
        Assert.Equal(batches.SelectMany(b => b).Select(e => e.Timestamp.UtcTicks).OrderDescending(), ticks);
    }

    [Fact]
    public void Adding_links_a_new_turn_to_its_neighbours_already_indexed()
    {
        var question = Entry("Which museum did you visit?", session: "s", ordinal: 1);
        var index = new MemoryIndex([question, Entry("unrelated chatter", session: "s", ordinal: 3)]);
        var answer = Entry("The Louvre, on Tuesday", session: "s", ordinal: 2);

        index.Add([answer]);

        var result = index.Query("museum visit", Settings with { NeighborWeight = 0.5 });
        Assert.Equal(0.5, result.Item(answer).Components.Neighbor, 1e-12);
    }

    [Fact]
    public void A_bad_batch_is_refused_whole()
    {
        var existing = Entry("kept", vector: [1, 0], session: "s", ordinal: 1);
        var index = new MemoryIndex([existing]);

        Assert.Throws<ArgumentException>(() => index.Add([Entry("fine"), existing with { Text = "again" }]));
        Assert.Throws<ArgumentException>(() => index.Add([Entry("fine"), Entry("three dims", vector: [1, 0, 0])]));
        Assert.Throws<ArgumentException>(() => index.Add([Entry("fine"), Entry("broken embedding", vector: [float.NaN, 1])]));
        Assert.Throws<ArgumentException>(() => index.Query("kept", Settings, [1, 0, 0]));

        Assert.Equal(1, index.Count);
        index.Add([Entry("fine", session: "s", ordinal: 2)]);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Turns_sharing_an_ordinal_are_all_indexed_and_linked_in_the_order_they_arrived()
    {
        var first = Entry("first turn", session: "s", ordinal: 1);
        var clash = Entry("clashing turn", session: "s", ordinal: 1);
        var last = Entry("last turn", session: "s", ordinal: 2);
        var earliest = Entry("earliest turn", session: "s", ordinal: 0);

        var index = new MemoryIndex([first, last]);
        index.Add([clash, earliest]);

        // Positions: first 0, last 1, clash 2, earliest 3; session order: earliest, first, clash, last.
        Assert.Equal(4, index.Count);
        Assert.Equal([3, 2, 0, None], index.Snapshot.Previous);
        Assert.Equal([2, None, 1, 0], index.Snapshot.Next);
    }

    [Fact]
    public void Adding_what_is_missing_skips_memories_already_indexed()
    {
        var known = Entry("known");
        var index = new MemoryIndex([known]);

        Assert.Equal(1, index.AddMissing([known, Entry("new")]));
        Assert.Equal(0, index.AddMissing([known]));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public async Task Readers_see_whole_batches_while_a_writer_adds()
    {
        var index = new MemoryIndex([]);
        const int batches = 200, batchSize = 5;

        var writer = Task.Run(() =>
        {
            for (var b = 0; b < batches; b++)
                index.Add(Enumerable.Range(0, batchSize).Select(i => Entry($"note {b} item {i} tea", session: "s", ordinal: (b * batchSize) + i)));
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!writer.IsCompleted)
            {
                var result = index.Query("tea", Settings with { TopK = 100_000, NeighborWeight = 0.5 });
                Assert.Equal(0, result.Candidates % batchSize);
                Assert.Equal(result.Candidates, result.Items.Count);
            }
        })).ToArray();
        await Task.WhenAll([writer, .. readers]);

        Assert.Equal(batches * batchSize, index.Count);
    }
}
