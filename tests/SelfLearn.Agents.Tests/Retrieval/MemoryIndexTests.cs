using SelfLearn.Agents.Student.Retrieval;
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
        Assert.Throws<ArgumentException>(() => index.Add([Entry("fine"), Entry("same turn", session: "s", ordinal: 1)]));
        Assert.Throws<ArgumentException>(() => index.Add([Entry("fine"), Entry("broken embedding", vector: [float.NaN, 1])]));
        Assert.Throws<ArgumentException>(() => index.Query("kept", Settings, [1, 0, 0]));

        Assert.Equal(1, index.Count);
        index.Add([Entry("fine", session: "s", ordinal: 2)]);
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
