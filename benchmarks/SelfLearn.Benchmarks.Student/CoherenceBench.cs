using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Npgsql;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Seeding;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Security;
using SelfLearn.Benchmarks.Shared;
using static SelfLearn.Benchmarks.Shared.OptionPairs;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Student;

internal sealed record CoherenceOptions(int Memories, int Queries, int Rounds, string Out)
{
    public const string Usage = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Student -- coherence " +
        "[--memories 10000] [--queries 500] [--rounds 3] [--out docs/benchmarks/student-coherence.json]";

    public static CoherenceOptions Parse(string[] args) =>
        OptionPairs.Parse(args, new CoherenceOptions(10_000, 500, 3, "docs/benchmarks/student-coherence.json"), Usage, static (options, name, value) => name switch
        {
            "--memories" => options with { Memories = Number(name, value) },
            "--queries" => options with { Queries = Number(name, value) },
            "--rounds" => options with { Rounds = Number(name, value) },
            "--out" => options with { Out = value },
            _ => null,
        });
}

internal sealed record CoherenceSide(Latency ClientWall, Latency ServerConfig, Latency ServerTotal);

internal sealed record CoherenceReport(string Command, DateTimeOffset StartedAt, double Minutes, Machine Machine, int Memories, int Queries,
    int Rounds, CoherenceSide Baseline, CoherenceSide Versions, double P50Ratio, double P95Ratio, double MedianPairedDifferenceMs,
    double MedianPairedConfigDifferenceMs);

/// <summary>
/// The query path's cost of reading the memory and catalog versions (#15): two app hosts on one database and one
/// user's memories, one with <c>Student:IndexCache:ReadVersions=false</c> (the single-node behaviour, the baseline) and
/// one with the default. Each question goes to both, one right after the other (which goes first alternates), so both
/// sides see the same load on a shared machine, and the per-question difference is reported next to the percentiles.
/// </summary>
internal static class CoherenceBench
{
    private const string Key = "bench-service-key-7d41c9e02b58";

    public static async Task<int> RunAsync(CoherenceOptions options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var corpus = Corpus.Build(options.Memories, options.Queries, ct);
        using var postgres = EmbeddedPostgres.StartThrowAway("selflearn_coherence_bench", message => Progress.Log("[postgres] " + message));
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var machine = await Machine.DescribeAsync(database, ct);
        await using var baseline = KestrelApp.Start(postgres.ConnectionString, Key, Roles.Service,
            new Dictionary<string, string> { ["Student:IndexCache:ReadVersions"] = "false" });
        await using var versions = KestrelApp.Start(postgres.ConnectionString, Key, Roles.Service);

        foreach (var batch in corpus.Memories.Chunk(1000))
        {
            await using var session = baseline.Store.LightweightSession();
            session.Store(batch);
            await session.SaveChangesAsync(ct);
        }
        Progress.Log($"seeded {corpus.Memories.Count} memories; warm-up: every question once on each host");
        foreach (var question in corpus.Questions)
        {
            await AskAsync(baseline, question, ct);
            await AskAsync(versions, question, ct);
        }

        var (baseWall, baseConfig, baseTotal) = (new List<double>(), new List<double>(), new List<double>());
        var (verWall, verConfig, verTotal) = (new List<double>(), new List<double>(), new List<double>());
        var (wallDiff, configDiff) = (new List<double>(), new List<double>());
        for (var round = 1; round <= options.Rounds; round++)
        {
            for (var i = 0; i < corpus.Questions.Count; i++)
            {
                var question = corpus.Questions[i];
                var baseFirst = (i + round) % 2 == 0;
                var b = baseFirst ? await AskAsync(baseline, question, ct) : default;
                var v = await AskAsync(versions, question, ct);
                if (!baseFirst)
                    b = await AskAsync(baseline, question, ct);
                baseWall.Add(b.Wall); baseConfig.Add(b.Config); baseTotal.Add(b.Total);
                verWall.Add(v.Wall); verConfig.Add(v.Config); verTotal.Add(v.Total);
                wallDiff.Add(v.Wall - b.Wall);
                configDiff.Add(v.Config - b.Config);
            }
            Progress.Log(Invariant($"round {round}: baseline wall {Latency.From(baseWall)}; versions wall {Latency.From(verWall)} (so far)"));
        }

        var baseSide = new CoherenceSide(Latency.From(baseWall), Latency.From(baseConfig), Latency.From(baseTotal));
        var verSide = new CoherenceSide(Latency.From(verWall), Latency.From(verConfig), Latency.From(verTotal));
        var report = new CoherenceReport(CoherenceOptions.Usage, startedAt, Math.Round(Stopwatch.GetElapsedTime(started).TotalMinutes, 1), machine,
            corpus.Memories.Count, corpus.Questions.Count, options.Rounds, baseSide, verSide,
            Latency.R(verSide.ClientWall.P50Ms / baseSide.ClientWall.P50Ms), Latency.R(verSide.ClientWall.P95Ms / baseSide.ClientWall.P95Ms),
            Latency.R(Latency.From(wallDiff).P50Ms), Latency.R(Latency.From(configDiff).P50Ms));
        Console.WriteLine(Invariant($"baseline: wall {baseSide.ClientWall}; config {baseSide.ServerConfig}; total {baseSide.ServerTotal}"));
        Console.WriteLine(Invariant($"versions: wall {verSide.ClientWall}; config {verSide.ServerConfig}; total {verSide.ServerTotal}"));
        Console.WriteLine(Invariant($"ratio p50 {report.P50Ratio}, p95 {report.P95Ratio}; median paired difference: wall {report.MedianPairedDifferenceMs} ms, config {report.MedianPairedConfigDifferenceMs} ms"));
        await JsonReport.WriteAsync(options.Out, report, ct);
        return 0;
    }

    private static async Task<(double Wall, double Config, double Total)> AskAsync(KestrelApp app, string question, CancellationToken ct)
    {
        var begun = Stopwatch.GetTimestamp();
        using var response = await app.Client.PostAsJsonAsync("/maas/v1/query",
            new QueryRequest(SeedDefaults.DefaultDeployment, Corpus.UserId, null, question), ct);
        var body = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<QueryResponse>(ct)
            ?? throw new InvalidOperationException("empty query response");
        return (Stopwatch.GetElapsedTime(begun).TotalMilliseconds, body.LatencyMs["config"], body.LatencyMs["total"]);
    }
}
