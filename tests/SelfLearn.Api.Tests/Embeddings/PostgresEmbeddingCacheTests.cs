using System.Diagnostics;
using Npgsql;
using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Api.Tests.Embeddings;

public sealed class PostgresEmbeddingCacheTests(ThrowAwayPostgres postgres, ITestOutputHelper output) : IClassFixture<ThrowAwayPostgres>
{
    private readonly string _schema = "cache_" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public void Vectors_round_trip_and_missing_keys_are_absent()
    {
        var cache = new PostgresEmbeddingCache(postgres.DataSource, _schema);
        cache.PutMany("model-a", new Dictionary<string, float[]> { ["k1"] = [0.25f, -1.5f, 3e-7f], ["k2"] = [1f, 0f, 0f] });

        var found = cache.GetMany(["k1", "k2", "k3"]);

        Assert.Equal(["k1", "k2"], found.Keys.Order());
        Assert.Equal([0.25f, -1.5f, 3e-7f], found["k1"]);
        Assert.Equal("model-a", Scalar<string>($"SELECT model FROM {_schema}.embedding_cache WHERE key = 'k1'"));
    }

    [Fact]
    public void A_key_already_stored_keeps_its_vector()
    {
        var cache = new PostgresEmbeddingCache(postgres.DataSource, _schema);
        cache.PutMany("m", new Dictionary<string, float[]> { ["k"] = [1f] });

        new PostgresEmbeddingCache(postgres.DataSource, _schema).PutMany("m", new Dictionary<string, float[]> { ["k"] = [2f], ["other"] = [3f] });

        Assert.Equal([1f], cache.GetMany(["k"])["k"]);
        Assert.Equal(2L, Scalar<long>($"SELECT count(*) FROM {_schema}.embedding_cache"));
    }

    [Fact]
    public void Thousands_of_vectors_are_stored_and_read_back_in_one_call_each()
    {
        var cache = new PostgresEmbeddingCache(postgres.DataSource, _schema);
        cache.GetMany(["warm-up"]);
        var vectors = Enumerable.Range(0, 5_000).ToDictionary(i => $"key-{i}", i => Enumerable.Range(0, 384).Select(d => (float)(i + d)).ToArray());

        var clock = Stopwatch.StartNew();
        cache.PutMany("m", vectors);
        var put = clock.Elapsed;
        var found = cache.GetMany(vectors.Keys.ToArray());
        output.WriteLine($"PutMany 5000: {put.TotalMilliseconds:F0} ms, GetMany 5000: {(clock.Elapsed - put).TotalMilliseconds:F0} ms");

        Assert.Equal(5_000, found.Count);
        Assert.Equal(vectors["key-4321"], found["key-4321"]);
    }

    [Fact]
    public void Nothing_to_look_up_or_store_needs_no_table()
    {
        var cache = new PostgresEmbeddingCache(postgres.DataSource, _schema);

        Assert.Empty(cache.GetMany([]));
        cache.PutMany("m", new Dictionary<string, float[]>());
        Assert.Equal(0L, Scalar<long>($"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{_schema}'"));
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("x; DROP TABLE y")]
    [InlineData("")]
    public void Only_plain_schema_names_are_accepted(string schema) =>
        Assert.Throws<ArgumentException>(() => new PostgresEmbeddingCache(postgres.DataSource, schema));

    private T Scalar<T>(string sql)
    {
        using var command = postgres.DataSource.CreateCommand(sql);
        return (T)command.ExecuteScalar()!;
    }
}
