using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace SelfLearn.Benchmarks.Online.Partitions;

/// <summary>
/// Offline experiment runs written by the server itself (INSERT … SELECT over generate_series, no client round trips),
/// spread evenly over the twelve months before the current one, so a partitioned table holds them in twelve month
/// partitions: two variants, tokens, a six-stage latency, 3 delivered and 10 ranked source ids, a few abstentions.
/// The Teacher's triggers are switched off while seeding (the benchmark is about reading, and the fold's own cost is
/// measured separately); the table's indexes are kept, as they would be in production.
/// </summary>
internal static class PartitionSeed
{
    public const string Experiment = "bench-partitions";

    public static async Task<double> AppendAsync(NpgsqlDataSource database, long from, long to, DateTimeOffset now, CancellationToken ct)
    {
        var start = now.AddMonths(-12);
        var step = (now - start).TotalSeconds / 10_000_000;
        var watch = Stopwatch.StartNew();
        // In slices, so one transaction never holds millions of rows' locks and progress shows.
        for (var slice = from; slice < to; slice += 1_000_000)
        {
            var end = Math.Min(to, slice + 1_000_000);
            await using var command = database.CreateCommand(string.Create(CultureInfo.InvariantCulture, $$"""
                ALTER TABLE selflearn.pipeline_runs DISABLE TRIGGER USER;
                INSERT INTO selflearn.pipeline_runs (run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, simulation_id, example_id,
                    user_id, thread_id, question, answer, abstained, retrieved_ids, retrieved_source_ids, retrieved_scores, ranked_source_ids, retrieved_texts,
                    tokens_in, tokens_out, latency_ms, error)
                SELECT md5(i::text)::uuid, timestamptz '{{start:O}}' + ((i * 7919) % 10000000) * interval '{{step:F6}} seconds', 'default', 1, '{{Experiment}}',
                    CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END, 'offline', 'sbench' || (i / 976), 'x/q' || (i % 488), 'u' || (i % 5000), 't',
                    'What did I say about x/q' || (i % 488) || '?', CASE WHEN i % 9 = 0 THEN 'I don''t know.' ELSE 'You moved the plants to the balcony.' END,
                    i % 9 = 0, ARRAY[md5('r1' || i)::uuid, md5('r2' || i)::uuid, md5('r3' || i)::uuid], ARRAY['D1:' || (i % 30), 'D2:4', 'D3:9'],
                    ARRAY[0.9, 0.8, 0.7], ARRAY['D1:' || (i % 30), 'D2:4', 'D3:9', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7'],
                    ARRAY['one memory', 'another memory', 'a third'], 300 + (i % 97), 12 + (i % 31),
                    jsonb_build_object('config', 0.5, 'embed', 0.2, 'load', 0.1, 'retrieve', 1 + (i % 13) / 10.0, 'generate', 0.3, 'total', 2.5 + (i % 101) / 10.0),
                    NULL
                FROM generate_series({{slice}}::bigint, {{end - 1}}::bigint) i;
                ALTER TABLE selflearn.pipeline_runs ENABLE TRIGGER USER;
                """));
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
            Progress.Log(string.Create(CultureInfo.InvariantCulture, $"  {end:N0} runs stored ({watch.Elapsed.TotalSeconds:F0} s)"));
        }
        await using (var analyze = database.CreateCommand("VACUUM (ANALYZE) selflearn.pipeline_runs"))
        {
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return Stats.Round(watch.Elapsed.TotalSeconds);
    }
}
