using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Seeding;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Security;
using SelfLearn.Benchmarks.Shared;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Student;

internal sealed record CoherenceOptions(int Memories, int Queries, int Rounds, string Out)
{
    public const string Usage = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Student -- coherence " +
        "[--memories 10000] [--queries 500] [--rounds 3] [--out docs/benchmarks/student-coherence.json]";

    public static CoherenceOptions Parse(string[] args)
    {
        var options = new CoherenceOptions(10_000, 500, 3, "docs/benchmarks/student-coherence.json");
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            options = args[i] switch
            {
                "--memories" => options with { Memories = Number(args[i], value) },
                "--queries" => options with { Queries = Number(args[i], value) },
                "--rounds" => options with { Rounds = Number(args[i], value) },
                "--out" => options with { Out = value },
                _ => throw new ArgumentException($"unknown option {args[i]}. Usage: {Usage}"),
            };
        }
        return options;
    }

    private static int Number(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new ArgumentException($"{name} must be a whole number >= 1, got '{value}'.");
}

internal sealed record CoherencePass(string App, int Round, Latency ClientWall, Latency ServerConfig, Latency ServerTotal)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<double> Samples { get; init; } = [];
}

internal sealed record CoherenceReport(string Command, DateTimeOffset StartedAt, double Minutes, Machine Machine, int Memories, int Queries,
    IReadOnlyList<CoherencePass> Passes, Latency BaselineWall, Latency VersionsWall, double P50Ratio, double P95Ratio);

/// <summary>
/// The query path's cost of reading the memory and catalog versions (#15): two app hosts on one database and one
/// user's memories, one with <c>Student:IndexCache:ReadVersions=false</c> (the single-node behaviour, the baseline) and
/// one with the default; the same warm queries on each, alternately, so both see the same load on a shared machine.
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
        Progress.Log($"seeded {corpus.Memories.Count} memories");
        await PassAsync("baseline", 0, baseline, corpus, ct);
        await PassAsync("versions", 0, versions, corpus, ct);

        var passes = new List<CoherencePass>();
        for (var round = 1; round <= options.Rounds; round++)
            foreach (var (name, app) in round % 2 == 1 ? [("baseline", baseline), ("versions", versions)] : new[] { ("versions", versions), ("baseline", baseline) })
                passes.Add(await PassAsync(name, round, app, corpus, ct));

        var baseWall = Pool(passes, "baseline");
        var versionWall = Pool(passes, "versions");
        var report = new CoherenceReport(CoherenceOptions.Usage, startedAt, Math.Round(Stopwatch.GetElapsedTime(started).TotalMinutes, 1), machine,
            corpus.Memories.Count, corpus.Questions.Count, passes, baseWall, versionWall,
            Latency.R(versionWall.P50Ms / baseWall.P50Ms), Latency.R(versionWall.P95Ms / baseWall.P95Ms));
        Console.WriteLine(Invariant($"client wall, all timed passes: baseline {baseWall}; versions {versionWall}; ratio p50 {report.P50Ratio}, p95 {report.P95Ratio}"));
        if (Path.GetDirectoryName(Path.GetFullPath(options.Out)) is { } folder)
            Directory.CreateDirectory(folder);
        await using var file = File.Create(options.Out);
        await JsonSerializer.SerializeAsync(file, report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }, ct);
        return 0;
    }

    private static Latency Pool(List<CoherencePass> passes, string app) =>
        Latency.From([.. passes.Where(p => p.App == app).SelectMany(p => p.Samples)]);

    private static async Task<CoherencePass> PassAsync(string name, int round, KestrelApp app, Corpus corpus, CancellationToken ct)
    {
        var wall = new List<double>(corpus.Questions.Count);
        var config = new List<double>(corpus.Questions.Count);
        var total = new List<double>(corpus.Questions.Count);
        foreach (var question in corpus.Questions)
        {
            var begun = Stopwatch.GetTimestamp();
            using var response = await app.Client.PostAsJsonAsync("/maas/v1/query",
                new QueryRequest(SeedDefaults.DefaultDeployment, Corpus.UserId, null, question), ct);
            var body = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<QueryResponse>(ct)
                ?? throw new InvalidOperationException("empty query response");
            wall.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
            config.Add(body.LatencyMs["config"]);
            total.Add(body.LatencyMs["total"]);
        }
        var pass = new CoherencePass(name, round, Latency.From(wall), Latency.From(config), Latency.From(total)) { Samples = wall };
        Progress.Log(Invariant($"{name} round {round}: client wall {pass.ClientWall}; server config {pass.ServerConfig}; server total {pass.ServerTotal}"));
        return pass;
    }
}
