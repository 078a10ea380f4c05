using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Student.Memories;

namespace SelfLearn.Agents.Tests.Memories;

public sealed class MemoryIndexCacheTests
{
    private static MemoryIndexCache Cache(ScriptedMemorySource source, int maxUsers = 100, long maxMemories = 10_000) =>
        new(source, Options.Create(new IndexCacheOptions { MaxUsers = maxUsers, MaxMemories = maxMemories }), NullLogger<MemoryIndexCache>.Instance);

    [Fact]
    public void The_documented_bounds_are_the_defaults()
    {
        Assert.Equal(1000, new IndexCacheOptions().MaxUsers);
        Assert.Equal(100_000L, new IndexCacheOptions().MaxMemories);
    }

    [Fact]
    public async Task A_caller_that_gives_up_stops_waiting_but_the_load_goes_on_for_the_others()
    {
        var source = new ScriptedMemorySource();
        var cache = Cache(source);
        using var first = new CancellationTokenSource();

        var abandoned = cache.GetAsync("d", "u", first.Token);
        var patient = cache.GetAsync("d", "u", CancellationToken.None);
        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        source.Waiting("u").SetResult(ScriptedMemorySource.Memories(3));

        Assert.Equal(3, (await patient).Count);
        Assert.Equal(3, (await cache.GetAsync("d", "u", CancellationToken.None)).Count);
        Assert.Equal(1, source.Loads("u"));
    }

    [Fact]
    public async Task A_failed_load_is_not_kept()
    {
        var source = new ScriptedMemorySource();
        var cache = Cache(source);

        var failing = cache.GetAsync("d", "u", CancellationToken.None);
        source.Waiting("u").SetException(new InvalidOperationException("database went away"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.False(cache.Holds("d", "u"));

        var retry = cache.GetAsync("d", "u", CancellationToken.None);
        source.Waiting("u").SetResult(ScriptedMemorySource.Memories(2));
        Assert.Equal(2, (await retry).Count);
        Assert.Equal(2, source.Loads("u"));
    }

    [Fact]
    public async Task A_cancelled_load_is_not_kept()
    {
        var source = new ScriptedMemorySource();
        var cache = Cache(source);

        var cancelled = cache.GetAsync("d", "u", CancellationToken.None);
        source.Waiting("u").SetCanceled();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(cache.Holds("d", "u"));

        var retry = cache.GetAsync("d", "u", CancellationToken.None);
        source.Waiting("u").SetResult(ScriptedMemorySource.Memories(1));
        Assert.Equal(1, (await retry).Count);
    }

    [Fact]
    public async Task Beyond_the_user_limit_the_least_recently_used_index_goes()
    {
        var source = new ScriptedMemorySource { Immediate = _ => 1 };
        var cache = Cache(source, maxUsers: 2);

        await cache.GetAsync("d", "a", CancellationToken.None);
        await cache.GetAsync("d", "b", CancellationToken.None);
        await cache.GetAsync("d", "a", CancellationToken.None);
        await cache.GetAsync("d", "c", CancellationToken.None);

        Assert.True(cache.Holds("d", "a"));
        Assert.False(cache.Holds("d", "b"));
        Assert.True(cache.Holds("d", "c"));
        Assert.Equal(2, cache.Users);
        Assert.Equal(2L, cache.Memories);
    }

    [Fact]
    public async Task Beyond_the_memory_limit_the_least_recently_used_indexes_go_and_an_oversized_one_is_served_but_not_kept()
    {
        var sizes = new Dictionary<string, int> { ["a"] = 40, ["b"] = 40, ["c"] = 30, ["huge"] = 101 };
        var source = new ScriptedMemorySource { Immediate = user => sizes[user] };
        var cache = Cache(source, maxMemories: 100);

        await cache.GetAsync("d", "a", CancellationToken.None);
        await cache.GetAsync("d", "b", CancellationToken.None);
        await cache.GetAsync("d", "c", CancellationToken.None);
        Assert.False(cache.Holds("d", "a"));
        Assert.Equal(70L, cache.Memories);

        Assert.Equal(101, (await cache.GetAsync("d", "huge", CancellationToken.None)).Count);
        Assert.Equal(0, cache.Users);
        Assert.Equal(0L, cache.Memories);
    }

    [Fact]
    public async Task An_ingest_grows_a_cached_index_once_even_when_the_load_already_read_its_memories()
    {
        var source = new ScriptedMemorySource { Immediate = _ => 0 };
        var cache = Cache(source, maxMemories: 3);
        await cache.GetAsync("d", "other", CancellationToken.None);
        await cache.GetAsync("d", "u", CancellationToken.None);
        var ingested = Documents(3);

        cache.Added("d", "u", ingested, 1);
        cache.Added("d", "u", ingested, 1);

        Assert.Equal(3, (await cache.GetAsync("d", "u", CancellationToken.None)).Count);
        Assert.Equal(3L, cache.Memories);
        Assert.True(cache.Holds("d", "other"));
        cache.Added("d", "other", Documents(1), 1);
        Assert.False(cache.Holds("d", "other"));
        Assert.True(cache.Holds("d", "u"));
        Assert.Equal(3L, cache.Memories);
    }

    [Fact]
    public async Task An_ingest_during_a_load_drops_the_load_so_the_next_query_reads_its_memories()
    {
        var source = new ScriptedMemorySource();
        var cache = Cache(source);
        var loading = cache.GetAsync("d", "u", CancellationToken.None);

        cache.Added("d", "u", Documents(2), 1);
        source.Waiting("u").SetResult(ScriptedMemorySource.Memories(0));
        await loading;

        Assert.False(cache.Holds("d", "u"));
        var reload = cache.GetAsync("d", "u", CancellationToken.None);
        source.Waiting("u").SetResult(ScriptedMemorySource.Memories(2));
        Assert.Equal(2, (await reload).Count);
    }

    [Fact]
    public async Task An_ingest_that_does_not_fit_the_cached_index_drops_it_instead_of_failing()
    {
        var source = new ScriptedMemorySource { Immediate = _ => 0 };
        var cache = Cache(source);
        await cache.GetAsync("d", "u", CancellationToken.None);
        cache.Added("d", "u", Documents(1, dimension: 2), 1);

        cache.Added("d", "u", Documents(1, dimension: 3), 2);

        Assert.False(cache.Holds("d", "u"));
    }

    [Fact]
    public async Task A_query_that_read_a_newer_memory_version_loads_again_and_an_older_or_equal_one_does_not()
    {
        var loadsSoFar = 0;
        var source = new ScriptedMemorySource { Immediate = _ => ++loadsSoFar };
        var cache = Cache(source);
        Assert.Equal(1, (await cache.GetAsync("d", "u", 3, CancellationToken.None)).Count);

        Assert.Equal(1, (await cache.GetAsync("d", "u", 3, CancellationToken.None)).Count);
        Assert.Equal(1, (await cache.GetAsync("d", "u", 2, CancellationToken.None)).Count);
        Assert.Equal(2, (await cache.GetAsync("d", "u", 4, CancellationToken.None)).Count);
        Assert.Equal(2, source.Loads("u"));
    }

    [Fact]
    public async Task An_ingest_right_after_the_cached_version_grows_the_index_and_claims_its_version()
    {
        var source = new ScriptedMemorySource { Immediate = _ => 0 };
        var cache = Cache(source);
        await cache.GetAsync("d", "u", 5, CancellationToken.None);

        cache.Added("d", "u", Documents(2), 6);

        Assert.Equal(2, (await cache.GetAsync("d", "u", 6, CancellationToken.None)).Count);
        Assert.Equal(1, source.Loads("u"));
    }

    [Fact]
    public async Task An_ingest_that_skips_a_version_another_node_wrote_drops_the_index()
    {
        var source = new ScriptedMemorySource { Immediate = _ => 0 };
        var cache = Cache(source);
        await cache.GetAsync("d", "u", 5, CancellationToken.None);

        cache.Added("d", "u", Documents(2), 7);

        Assert.False(cache.Holds("d", "u"));
        Assert.Equal(0L, cache.Memories);
    }

    [Fact]
    public async Task A_load_started_for_an_older_version_is_not_shared_with_a_query_that_read_a_newer_one()
    {
        var source = new ScriptedMemorySource();
        var cache = Cache(source);
        var older = cache.GetAsync("d", "u", 1, CancellationToken.None);

        var newer = cache.GetAsync("d", "u", 2, CancellationToken.None);
        source.Waiting("u").SetResult(ScriptedMemorySource.Memories(1));
        source.Waiting("u").SetResult(ScriptedMemorySource.Memories(2));

        Assert.Equal(1, (await older).Count);
        Assert.Equal(2, (await newer).Count);
        Assert.Equal(2, (await cache.GetAsync("d", "u", 2, CancellationToken.None)).Count);
        Assert.Equal(2L, cache.Memories);
    }

    private static MemoryDocument[] Documents(int count, int dimension = 0) =>
        [.. Enumerable.Range(0, count).Select(i => new MemoryDocument(Guid.NewGuid(), "d", "u", "t", "t", i, null, $"text {i}",
            DateTimeOffset.UnixEpoch, null, [.. Enumerable.Repeat(1f, dimension)], DateTimeOffset.UnixEpoch))];
}
