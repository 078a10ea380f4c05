using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>
/// Hand-made live runs, and what docs/ONLINE.md says their windows must hold, recomputed here from the stored runs,
/// feedback and judge scores without the fold's SQL.
/// </summary>
public static class LiveRuns
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A fixed run id, so the judge's sample of these runs is the same on every test run.</summary>
    public static Guid Id(int i) => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"0b5e0000-0000-7000-8000-{i:D12}"));

    /// <summary>Run <paramref name="i"/>: its window, version, experiment, failure, abstention, tokens and stages all vary with i.</summary>
    public static PipelineRun Run(int i, string cycleType = "online", int? configVersion = null)
    {
        var failed = i % 7 == 3;
        var latency = new Dictionary<string, double> { ["total"] = 10 + i * 1.5, ["retrieve"] = 2 + i % 5 };
        if (i % 3 == 0)
            latency["generate"] = 4.25 + i;
        var (experiment, variant) = (i % 4) switch { 1 => ("exp-live", "a"), 2 => ("exp-live", "b"), _ => ((string?)null, (string?)null) };
        string[] delivered = [.. Enumerable.Range(0, i % 4).Select(k => $"[1 March 2026] Ana: I moved the plants to the balcony on day {k}.")];
        return new PipelineRun(Id(i), Start.AddSeconds(i * 4), "default", configVersion ?? 1 + i % 2, experiment, variant, cycleType, null, null,
            "alice", "t-1", "Where did I move the plants?", failed ? null : i % 5 == 0 ? "I don't know." : "You moved the plants to the balcony.",
            !failed && i % 5 == 0, [.. delivered.Select(_ => Guid.NewGuid())], [.. delivered.Select((_, k) => $"src-{k}")], [.. delivered.Select(_ => 0.5)],
            [.. delivered.Select((_, k) => $"src-{k}")], delivered, failed ? 0 : 100 + i, failed ? 0 : 10 + i % 9, failed ? new Dictionary<string, double>() : latency,
            failed ? "the answer model timed out" : null);
    }

    public static async Task StoreAsync(this IAlbaHost host, IEnumerable<PipelineRun> runs)
    {
        var writer = host.Services.GetRequiredService<TelemetryWriter>();
        foreach (var run in runs)
            writer.Enqueue(run);
        await writer.FlushAsync();
    }

    /// <summary>The sampling rule of docs/ONLINE.md: the first 8 bytes of SHA-256(seed + run id), big-endian, below rate × 2^64.</summary>
    public static bool Sampled(Guid runId, OnlineOptions options)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(options.JudgeSeed + runId.ToString("D")));
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash) < (decimal)options.JudgeSampleRate * 18446744073709551616m;
    }

    public static OnlineOptions Options(this IAlbaHost host) => host.Services.GetRequiredService<IOptions<OnlineOptions>>().Value;

    public sealed record Row(string Deployment, int Version, string Experiment, string Variant, DateTimeOffset WindowStart, string Metric);

    public sealed record Sums(long N, double Total, double Squares);

    /// <summary>
    /// The stored windows and their recomputation, read in one snapshot, so a judging pass running in the background
    /// (which marks and folds its runs in one statement) is either in both or in neither.
    /// </summary>
    public static Task<(Dictionary<Row, Sums> Stored, Dictionary<Row, Sums> Recomputed)> ReadBothAsync(this IAlbaHost host) =>
        ReadBothAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), host.Options().WindowSeconds);

    public static async Task<(Dictionary<Row, Sums> Stored, Dictionary<Row, Sums> Recomputed)> ReadBothAsync(NpgsqlDataSource database, int windowSeconds)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var stored = await StoredAsync(connection, transaction);
        var recomputed = await RecomputedAsync(connection, transaction, windowSeconds);
        await transaction.CommitAsync();
        return (stored, recomputed);
    }

    /// <summary>Asserts that every row of selflearn.online_windows equals the recomputation, and returns the rows.</summary>
    public static async Task<Dictionary<Row, Sums>> AssertWindowsEqualRecomputationAsync(this IAlbaHost host)
    {
        var (stored, recomputed) = await host.ReadBothAsync();
        AssertSame(recomputed, stored);
        return stored;
    }

    /// <summary>Every row of selflearn.online_windows.</summary>
    private static async Task<Dictionary<Row, Sums>> StoredAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(
            "SELECT deployment_id, config_version, experiment_id, variant, window_start, metric, n, total, squares FROM selflearn.online_windows",
            connection, transaction);
        var rows = new Dictionary<Row, Sums>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows[new Row(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero), reader.GetString(5))] = new Sums(reader.GetInt64(6), reader.GetDouble(7), reader.GetDouble(8));
        return rows;
    }

    /// <summary>
    /// The windows recomputed from scratch: every online run's per-run values of docs/METRICS.md, its feedback's, and
    /// the scores of the judge that folded it (as recorded in the sample table), summed per window row.
    /// </summary>
    private static async Task<Dictionary<Row, Sums>> RecomputedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int window)
    {
        await using var command = new NpgsqlCommand("""
            SELECT r.deployment_id, r.config_version, r.experiment_id, r.variant, r.at, r.answer IS NOT NULL, r.abstained, r.error IS NOT NULL,
                r.tokens_in, r.tokens_out, r.latency_ms::text, f.thumbs, f.stars, j.claims, j.supported_claims, j.used_context_items,
                cardinality(r.retrieved_source_ids)
            FROM selflearn.pipeline_runs r
            LEFT JOIN selflearn.run_feedback f ON f.run_id = r.run_id
            LEFT JOIN selflearn.online_judge_sample q ON q.run_id = r.run_id AND q.judged_at IS NOT NULL
            LEFT JOIN selflearn.judge_scores j ON j.run_id = q.run_id AND j.judge = q.judge AND j.judge_version = q.judge_version
            WHERE r.cycle_type = 'online'
            """, connection, transaction);
        var sums = new Dictionary<Row, Sums>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var at = new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero).ToUnixTimeSeconds();
            var start = DateTimeOffset.FromUnixTimeSeconds(at / window * window);
            var key = (reader.GetString(0), reader.IsDBNull(1) ? 0 : reader.GetInt32(1), reader.IsDBNull(2) ? "" : reader.GetString(2),
                reader.IsDBNull(3) ? "" : reader.GetString(3));
            void Add(string metric, double value)
            {
                var row = new Row(key.Item1, key.Item2, key.Item3, key.Item4, start, metric);
                var old = sums.GetValueOrDefault(row, new Sums(0, 0, 0));
                sums[row] = new Sums(old.N + 1, old.Total + value, old.Squares + value * value);
            }

            Add("error.rate", reader.GetBoolean(7) ? 1 : 0);
            if (reader.GetBoolean(5))
            {
                Add("answer.abstention_rate", reader.GetBoolean(6) ? 1 : 0);
                Add("tokens.in", reader.GetInt32(8));
                Add("tokens.out", reader.GetInt32(9));
                var latency = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, double>>(reader.GetString(10))!;
                foreach (var stage in MetricRegistry.Stages.Where(latency.ContainsKey))
                    Add($"latency.{stage}_ms", latency[stage]);
            }
            if (!reader.IsDBNull(11) || !reader.IsDBNull(12))
            {
                var thumbs = reader.IsDBNull(11) ? null : reader.GetString(11);
                int? stars = reader.IsDBNull(12) ? null : reader.GetInt32(12);
                Add("feedback.negative_rate", thumbs == "down" || stars <= 2 ? 1 : 0);
                Add("feedback.rating", stars ?? (thumbs == "up" ? 5 : 1));
            }
            if (!reader.IsDBNull(13) && reader.GetBoolean(5))
            {
                var (claims, supported, delivered) = (reader.GetInt32(13), reader.GetInt32(14), reader.GetInt32(16));
                if (claims > 0)
                    Add("answer.faithfulness", (double)supported / claims);
                if (delivered > 0)
                    Add("context.utilization", (double)reader.GetFieldValue<int[]>(15).Where(u => u >= 0 && u < delivered).Distinct().Count() / delivered);
            }
        }
        return sums;
    }

    /// <summary>The same rows with the same counts, and sums equal up to the order they were added in.</summary>
    public static void AssertSame(Dictionary<Row, Sums> expected, Dictionary<Row, Sums> actual)
    {
        Assert.Equal(expected.Keys.OrderBy(k => k.ToString()), actual.Keys.OrderBy(k => k.ToString()));
        foreach (var (row, sums) in expected)
        {
            var stored = actual[row];
            Assert.True(sums.N == stored.N, $"{row}: n {stored.N}, expected {sums.N}");
            Assert.Equal(sums.Total, stored.Total, 1e-9 * Math.Max(1, Math.Abs(sums.Total)));
            Assert.Equal(sums.Squares, stored.Squares, 1e-9 * Math.Max(1, Math.Abs(sums.Squares)));
        }
    }

    /// <summary>One plain INSERT of a run in the caller's transaction (the trigger fires per statement).</summary>
    public static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PipelineRun run, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO selflearn.pipeline_runs (run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, user_id, question,
                answer, abstained, retrieved_ids, retrieved_source_ids, retrieved_scores, tokens_in, tokens_out, latency_ms, error)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            """, connection, transaction);
        object?[] values = [run.RunId, run.At, run.DeploymentId, run.ConfigVersion, run.ExperimentId, run.Variant, run.CycleType, run.UserId, run.Question,
            run.Answer, run.Abstained, run.RetrievedIds, run.RetrievedSourceIds, run.RetrievedScores, run.TokensIn, run.TokensOut, null, run.Error];
        NpgsqlDbType[] types = [NpgsqlDbType.Uuid, NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text,
            NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Boolean, NpgsqlDbType.Array | NpgsqlDbType.Uuid,
            NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Array | NpgsqlDbType.Double, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Jsonb,
            NpgsqlDbType.Text];
        values[16] = System.Text.Json.JsonSerializer.Serialize(run.LatencyMs);
        for (var k = 0; k < values.Length; k++)
            command.Parameters.Add(new NpgsqlParameter { Value = values[k] ?? DBNull.Value, NpgsqlDbType = types[k] });
        await command.ExecuteNonQueryAsync(ct);
    }
}
