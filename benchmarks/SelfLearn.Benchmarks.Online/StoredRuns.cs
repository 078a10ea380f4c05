using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Online;

internal sealed record SeedResult(long Rows, long LiveRows, long WindowRows, long SampledRuns, double Seconds, long TableMegabytes);

/// <summary>
/// The stored runs the window update must not slow down with: generated in PostgreSQL in chunks of 100,000, four in five
/// live (one deployment, two versions, a third of them in an online experiment's two variants) spread over the last 7
/// days, so the fold's triggers fold them into about 10,000 minute windows as they are seeded; the rest offline
/// experiment runs. Each run has five latency stages and the total, tokens, a few failures and abstentions.
/// </summary>
internal static class StoredRuns
{
    public const string Deployment = "bench-online";
    private const int Chunk = 100_000;

    public static async Task<SeedResult> RunAsync(NpgsqlDataSource database, int rows, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        for (var offset = 0; offset < rows; offset += Chunk)
        {
            await using var insert = database.CreateCommand(string.Create(CultureInfo.InvariantCulture, $$"""
                INSERT INTO selflearn.pipeline_runs (run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, user_id, thread_id,
                    question, answer, abstained, retrieved_ids, retrieved_source_ids, retrieved_scores, ranked_source_ids, retrieved_texts,
                    tokens_in, tokens_out, latency_ms, error)
                SELECT gen_random_uuid(), now() - (g % 604800) * interval '1 second', '{{Deployment}}', 1 + g % 2,
                    CASE WHEN g % 5 = 0 THEN 'bench-offline' WHEN g % 3 = 0 THEN 'bench-live' END,
                    CASE WHEN g % 5 = 0 OR g % 3 = 0 THEN CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END END,
                    CASE WHEN g % 5 = 0 THEN 'offline' ELSE 'online' END, 'user-' || (g % 5000), 't-1', 'Where did I move the plants?',
                    CASE WHEN g % 200 = 7 THEN NULL WHEN g % 17 = 0 THEN 'I don''t know.' ELSE 'You moved the plants to the balcony.' END,
                    g % 200 <> 7 AND g % 17 = 0, ARRAY[gen_random_uuid(), gen_random_uuid(), gen_random_uuid()], ARRAY['s1', 's2', 's3'],
                    ARRAY[0.9, 0.8, 0.7], ARRAY['s1', 's2', 's3', 's4'], ARRAY['one', 'two', 'three'],
                    CASE WHEN g % 200 = 7 THEN 0 ELSE 300 + g % 50 END, CASE WHEN g % 200 = 7 THEN 0 ELSE 20 + g % 30 END,
                    jsonb_build_object('config', 0.5, 'embed', 0.2 + (g % 7) / 10.0, 'load', 0.1, 'retrieve', 1 + (g % 13) / 10.0,
                        'generate', 0.3, 'total', 3 + (g % 29) / 10.0),
                    CASE WHEN g % 200 = 7 THEN 'the answer model timed out' END
                FROM generate_series({{offset}}, {{Math.Min(rows, offset + Chunk) - 1}}) g
                """));
            insert.CommandTimeout = 0;
            await insert.ExecuteNonQueryAsync(ct);
            Progress.Log(string.Create(CultureInfo.InvariantCulture, $"  {Math.Min(rows, offset + Chunk)} runs stored"));
        }
        var seconds = watch.Elapsed.TotalSeconds;
        await using (var vacuum = database.CreateCommand("VACUUM (ANALYZE) selflearn.pipeline_runs, selflearn.online_windows, selflearn.online_judge_sample"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        return new SeedResult(rows, await CountAsync(database, "SELECT count(*) FROM selflearn.pipeline_runs WHERE cycle_type = 'online'", ct),
            await CountAsync(database, "SELECT count(*) FROM selflearn.online_windows", ct),
            await CountAsync(database, "SELECT count(*) FROM selflearn.online_judge_sample", ct),
            Stats.Round(seconds, 1), await TableSize.MegabytesAsync(database, "selflearn.pipeline_runs", ct));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource database, string sql, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
