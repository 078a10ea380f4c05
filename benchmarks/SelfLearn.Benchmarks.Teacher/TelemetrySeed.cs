using System.Diagnostics;
using System.Globalization;
using Marten;
using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Benchmarks.Shared;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Benchmarks.Teacher;

internal sealed record SeedResult(string ExperimentId, long Rows, int Simulations, int Examples, double Seconds, double RowsPerSecond, long TableMegabytes);

/// <summary>
/// An offline experiment of two variants over the library's golden dataset, as telemetry: as many simulations as it
/// takes, each asking every golden example once per variant (so the runs pair by simulation and example id), written
/// to <c>selflearn.pipeline_runs</c> with one binary COPY. Each run looks like one the Student records: 50 ranked source
/// ids (<see cref="HybridRetriever.RankedDepth"/>), the first top_k delivered with scores and texts (a: 5, b: 3),
/// abstentions (most on unanswerable examples), tokens, six latency stages and a few errors. An example's difficulty
/// is shared by both variants, so the two arms are correlated as real paired runs are.
/// </summary>
internal static class TelemetrySeed
{
    public const string ExperimentId = "bench-teacher-1m";
    private static readonly (string Name, int TopK, double Lift)[] Variants = [("a", 5, 0), ("b", 3, 0.03)];

    public static async Task<SeedResult> RunAsync(IDocumentStore store, NpgsqlDataSource database, LibraryRun library, int rows, CancellationToken ct)
    {
        var golden = library.Golden;
        var simulations = (int)Math.Ceiling(rows / 2.0 / golden.Count);
        var watch = Stopwatch.StartNew();
        for (var s = 0; s < simulations; s++)
            await SimulationJournal.StartAsync(store, new SimulationStarted(SimulationId(s), ExperimentId, LibraryPass.Deployment,
                [new SimulatedVariant("a", 1), new SimulatedVariant("b", 1)], library.Dataset.Dataset, library.Dataset.Version, library.Dataset.Sha256,
                null, 8, null, "benchmark"), ct);

        var random = new Random(20261129);
        var difficulty = golden.Select(_ => random.NextDouble()).ToArray();
        await using (var connection = await database.OpenConnectionAsync(ct))
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY selflearn.pipeline_runs (run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, simulation_id, example_id,
                user_id, thread_id, question, answer, abstained, retrieved_ids, retrieved_source_ids, retrieved_scores, ranked_source_ids,
                retrieved_texts, tokens_in, tokens_out, latency_ms, error) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < rows; i++)
            {
                var e = i / 2 % golden.Count;
                var run = Synthetic(golden[e], difficulty[e], Variants[i % 2], random);
                await WriteAsync(copy, run, SimulationId(i / 2 / golden.Count), at.AddMilliseconds(i), ct);
            }
            await copy.CompleteAsync(ct);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        await using (var vacuum = database.CreateCommand("VACUUM (ANALYZE) selflearn.pipeline_runs"))
            await vacuum.ExecuteNonQueryAsync(ct);
        var megabytes = await TableSize.MegabytesAsync(database, "selflearn.pipeline_runs", ct);
        return new SeedResult(ExperimentId, rows, simulations, golden.Count, Stats.Round(seconds, 1), Stats.Round(rows / seconds, 0), megabytes);
    }

    private static string SimulationId(int s) => string.Create(CultureInfo.InvariantCulture, $"sbench{s:D5}");

    private sealed record Row(GoldenExample Example, string Variant, string[] Ranked, int Delivered, bool Abstained, bool Failed,
        int TokensIn, int TokensOut, string LatencyJson);

    private static Row Synthetic(GoldenExample example, double difficulty, (string Name, int TopK, double Lift) variant, Random random)
    {
        var ranked = new string[HybridRetriever.RankedDepth];
        var next = 0;
        foreach (var evidence in example.EvidenceSourceIds)
        {
            if (random.NextDouble() > 0.92 - 0.5 * difficulty + variant.Lift)
                continue; // not retrieved at all
            var rank = Math.Min(ranked.Length - 1, (int)(-Math.Log(1 - random.NextDouble()) * (1 + 8 * difficulty)));
            while (ranked[rank] is not null)
                rank = (rank + 1) % ranked.Length;
            ranked[rank] = evidence;
        }
        for (var k = 0; k < ranked.Length; k++)
            ranked[k] ??= string.Create(CultureInfo.InvariantCulture, $"x{next++ % 9}:t{k}");
        var failed = random.NextDouble() < 0.005;
        var abstained = !failed && random.NextDouble() < (example.Answerable ? 0.04 + 0.1 * difficulty : 0.7);
        var delivered = variant.TopK;
        var tokensIn = 180 + 45 * delivered + random.Next(40);
        var tokensOut = abstained ? 6 : 12 + random.Next(30);
        double config = 0.4 + random.NextDouble(), embed = 0.05 + 0.2 * random.NextDouble(), load = 0.3 * random.NextDouble(),
            retrieve = Math.Exp(0.4 * Normal(random)) * (0.8 + 0.4 * difficulty), generate = 0.1 + 0.3 * random.NextDouble();
        var total = config + embed + load + retrieve + generate + Math.Exp(0.8 * Normal(random));
        var latency = string.Create(CultureInfo.InvariantCulture,
            $$"""{"config":{{config:F3}},"embed":{{embed:F3}},"load":{{load:F3}},"retrieve":{{retrieve:F3}},"generate":{{generate:F3}},"total":{{total:F3}}}""");
        return new Row(example, variant.Name, ranked, delivered, abstained, failed, tokensIn, tokensOut, latency);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static readonly string[] Texts = [.. Enumerable.Range(0, 16).Select(i => string.Create(CultureInfo.InvariantCulture,
        $"[{12 + i} January 2026] Ana: Remember this: on day {i} I moved the plants to the balcony and called my sister."))];

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, Row run, string simulationId, DateTimeOffset at, CancellationToken ct)
    {
        var e = run.Example;
        var delivered = run.Failed ? [] : run.Ranked[..run.Delivered];
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(Guid.CreateVersion7(at), NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(LibraryPass.Deployment, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(1, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(ExperimentId, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(run.Variant, NpgsqlDbType.Text, ct);
        await copy.WriteAsync("offline", NpgsqlDbType.Text, ct);
        await copy.WriteAsync(simulationId, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(e.ExampleId, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(SimulationPlan.UserId(simulationId, e.ScenarioId, run.Variant), NpgsqlDbType.Text, ct);
        await copy.WriteAsync(e.QuestionId, NpgsqlDbType.Text, ct);
        await copy.WriteAsync("What did I say about " + e.ExampleId + "?", NpgsqlDbType.Text, ct);
        if (run.Failed) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(run.Abstained ? "I don't know." : "You moved the plants to the balcony on 14 January 2026.", NpgsqlDbType.Text, ct);
        await copy.WriteAsync(run.Abstained, NpgsqlDbType.Boolean, ct);
        await copy.WriteAsync(delivered.Select(_ => Guid.CreateVersion7(at)).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(delivered, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(delivered.Select((_, k) => 0.9 - 0.1 * k).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Double, ct);
        await copy.WriteAsync(run.Ranked, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(delivered.Select((_, k) => Texts[(k + e.ExampleId.Length) % Texts.Length]).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(run.Failed ? 0 : run.TokensIn, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(run.Failed ? 0 : run.TokensOut, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(run.LatencyJson, NpgsqlDbType.Jsonb, ct);
        if (run.Failed) await copy.WriteAsync("the answer model timed out", NpgsqlDbType.Text, ct);
        else await copy.WriteNullAsync(ct);
    }
}
