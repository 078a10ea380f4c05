using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace SelfLearn.Agents.Teacher.Judging.Caching;

/// <summary>
/// Scores in <c>selflearn.judge_cache</c>, one row per key; a key stored twice keeps its first score (concurrent
/// judges of the same answer do not collide). The table is ensured once per instance, so commands that do not start
/// the host's services still find it.
/// </summary>
public sealed class PostgresJudgeCache(NpgsqlDataSource dataSource) : IJudgeCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;

    public async Task<JudgeScore?> GetAsync(string key, CancellationToken ct)
    {
        await EnsureAsync(ct).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"SELECT score::text FROM {JudgeCacheSchema.Table} WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize<JudgeScore>(json, Json)
            : null;
    }

    public async Task PutAsync(string key, JudgeInput input, JudgeScore score, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(score);
        await EnsureAsync(ct).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {JudgeCacheSchema.Table} (key, judge, judge_version, context_hash, score) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = score.Judge });
        command.Parameters.Add(new NpgsqlParameter { Value = score.JudgeVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = JudgeCacheKey.ContextHash(input.DeliveredContext) });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(score, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _ready))
            return;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_ready)
                await JudgeCacheSchema.EnsureAsync(dataSource, ct).ConfigureAwait(false);
            Volatile.Write(ref _ready, true);
        }
        finally
        {
            _gate.Release();
        }
    }
}
