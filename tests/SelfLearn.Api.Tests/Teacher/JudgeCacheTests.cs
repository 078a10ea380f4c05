using Npgsql;
using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Judging.Caching;
using SelfLearn.Api.Tests.Embeddings;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>The judge's score cache in a real PostgreSQL: a judged answer is not judged again; another judge version is.</summary>
public sealed class JudgeCacheTests(ThrowAwayPostgres postgres) : IClassFixture<ThrowAwayPostgres>
{
    private sealed class CountingJudge(string version) : IAnswerJudge
    {
        public int Calls { get; private set; }

        public string Name => "counting";

        public string Version => version;

        public Task<JudgeScore> JudgeAsync(JudgeInput input, CancellationToken ct)
        {
            Calls++;
            return Task.FromResult(new JudgeScore(Name, Version, JudgeLabel.Unsupported, false, true, 3, 1, [0, 2]));
        }
    }

    // Each test judges its own question, so tests sharing the server's table do not meet.
    private readonly JudgeInput _input = new($"Which hotel? {Guid.NewGuid():N}", "The Harbour Inn, by the sea.", false,
        ["[11 July 2026] Ana: We booked Hotel Miramar.", "[20 July 2026] Ana: We booked The Harbour Inn instead.", "[1 August 2026] Ana: Hi."],
        "The Harbour Inn", true);

    [Fact]
    public async Task The_second_judgement_of_the_same_answer_is_read_back_without_judging()
    {
        var judge = new CountingJudge("v1");
        var cached = new CachedJudge(judge, new PostgresJudgeCache(postgres.DataSource));

        var first = await cached.JudgeAsync(_input, CancellationToken.None);
        var second = await cached.JudgeAsync(_input, CancellationToken.None);

        Assert.Equal(1, judge.Calls);
        Assert.Equal((JudgeLabel.Unsupported, (bool?)false, true, 3, 1), (second.Label, second.Correct, second.Hallucinated, second.Claims, second.SupportedClaims));
        Assert.Equal([0, 2], second.UsedContextItems);
        Assert.Equal((first.Judge, first.JudgeVersion), (second.Judge, second.JudgeVersion));
        Assert.Equal(1L, await Rows());
    }

    [Fact]
    public async Task Another_judge_version_misses_the_cache_and_stores_its_own_score()
    {
        var cache = new PostgresJudgeCache(postgres.DataSource);
        await new CachedJudge(new CountingJudge("v1"), cache).JudgeAsync(_input, CancellationToken.None);
        var newer = new CountingJudge("v2");

        await new CachedJudge(newer, cache).JudgeAsync(_input, CancellationToken.None);

        Assert.Equal(1, newer.Calls);
        Assert.Equal(2L, await Rows());
    }

    [Fact]
    public async Task A_new_process_reads_the_stored_score_with_its_judge_and_context_hash()
    {
        await new CachedJudge(new CountingJudge("v1"), new PostgresJudgeCache(postgres.DataSource)).JudgeAsync(_input, CancellationToken.None);
        var later = new CountingJudge("v1");

        var score = await new CachedJudge(later, new PostgresJudgeCache(postgres.DataSource)).JudgeAsync(_input, CancellationToken.None);

        Assert.Equal(0, later.Calls);
        Assert.Equal(JudgeLabel.Unsupported, score.Label);
        await using var command = postgres.DataSource.CreateCommand(
            $"SELECT judge, judge_version, context_hash FROM {JudgeCacheSchema.Table} WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = JudgeCacheKey.For("counting", "v1", _input) });
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(("counting", "v1", JudgeCacheKey.ContextHash(_input.DeliveredContext)), (row.GetString(0), row.GetString(1), row.GetString(2)));
    }

    [Fact]
    public async Task A_key_stored_twice_keeps_its_first_score_and_creating_the_table_again_is_harmless()
    {
        var cache = new PostgresJudgeCache(postgres.DataSource);
        var key = JudgeCacheKey.For("counting", "v1", _input);
        await cache.PutAsync(key, _input, new JudgeScore("counting", "v1", JudgeLabel.Supported, true, false, 1, 1, [1]), CancellationToken.None);

        await JudgeCacheSchema.EnsureAsync(postgres.DataSource, CancellationToken.None);
        await new PostgresJudgeCache(postgres.DataSource).PutAsync(key, _input,
            new JudgeScore("counting", "v1", JudgeLabel.Abstained, false, false, 0, 0, []), CancellationToken.None);

        Assert.Equal(JudgeLabel.Supported, (await cache.GetAsync(key, CancellationToken.None))!.Label);
        Assert.Equal(1L, await Rows());
    }

    private async Task<long> Rows()
    {
        await using var command = postgres.DataSource.CreateCommand(
            $"SELECT count(*) FROM {JudgeCacheSchema.Table} WHERE context_hash = $1 AND key = ANY($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = JudgeCacheKey.ContextHash(_input.DeliveredContext) });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = new[] { JudgeCacheKey.For("counting", "v1", _input), JudgeCacheKey.For("counting", "v2", _input) },
        });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
