using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using static System.FormattableString;

using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks;

internal sealed record WriteRun(string Path, int Clients, int Pairs, int CommitsPerPair, double Seconds, double PairsPerSecond, LatencySummary PairLatency);

/// <param name="Floor1">The same pairs over HTTP to a bare app making the same round trips (<see cref="HttpFloor"/>), 1 client.</param>
internal sealed record WriteResults(
    WriteRun Http1, WriteRun Http8, WriteRun Sql1, WriteRun Sql8, double HttpToSql1, double HttpToSql8, IReadOnlyList<WriteCost> Costs,
    WriteRun Floor1, double FloorToSql1, double HttpToFloor1);

/// <summary>
/// Versions created and activated per second through HTTP → Wolverine → Marten, next to the same number of
/// "create + activate" pairs written as two single-row INSERTs in one transaction each (raw SQL, same server).
/// </summary>
internal static class WriteBenchmark
{
    // Tiered JIT needs a few hundred calls of each write path before it runs optimised code; fewer left most of
    // a 500-pair phase on unoptimised code (59 pairs/s after 20 warm-up pairs, 120+ after 500, same commit).
    private const int WarmUpPairs = 500;
    private const int SqlWarmUpPairs = 100;
    private const int ConcurrentClients = 8;

    public static async Task<WriteResults> RunAsync(KestrelApp host, NpgsqlDataSource database, string postgresLog, int pairs, CancellationToken ct)
    {
        string[] deployments = ["bench-warmup", .. Enumerable.Range(0, ConcurrentClients + 1).Select(i => Invariant($"bench-{i}"))];
        foreach (var deployment in deployments)
            await Expect(await host.Client.PostAsync("/api/deployments", Json(Invariant($$"""{"id":"{{deployment}}"}""")), ct), HttpStatusCode.Created, ct);

        Progress.Log(Invariant($"writes: warm-up, {WarmUpPairs} pairs over HTTP"));
        await HttpPairsAsync(host.Client, "bench-warmup", WarmUpPairs, ct);
        var costs = await CostsAsync(host.Client, database, postgresLog, ct);

        Progress.Log(Invariant($"writes: {pairs} create+activate pairs over HTTP, 1 client"));
        var http1 = await CpuMeter.MeasureAsync("writes: HTTP, 1 client", () =>
            MeasureAsync("http", 1, pairs, 2, (_, n) => HttpPairsAsync(host.Client, "bench-0", n, ct)));
        Progress.Log(Invariant($"writes: {http1.PairsPerSecond} pairs/s; now {ConcurrentClients} clients"));
        var http8 = await CpuMeter.MeasureAsync("writes: HTTP, 8 clients", () => MeasureAsync("http", ConcurrentClients, pairs, 2,
            (client, n) => HttpPairsAsync(host.Client, Invariant($"bench-{client + 1}"), n, ct)));
        Progress.Log(Invariant($"writes: {http8.PairsPerSecond} pairs/s"));

        var parameterMaps = await ParameterMapsAsync(host.Client, ct);
        await CreateBaselineTablesAsync(database, ct);
        await SqlPairsAsync(database, parameterMaps, "sql-warmup", SqlWarmUpPairs, ct);
        Progress.Log(Invariant($"writes: raw SQL baseline, {pairs} pairs, 1 connection then {ConcurrentClients}"));
        var sql1 = await CpuMeter.MeasureAsync("writes: raw SQL, 1 connection", () =>
            MeasureAsync("sql", 1, pairs, 1, (client, n) => SqlPairsAsync(database, parameterMaps, "sql-1-" + client, n, ct)));
        var sql8 = await CpuMeter.MeasureAsync("writes: raw SQL, 8 connections", () => MeasureAsync("sql", ConcurrentClients, pairs, 1,
            (client, n) => SqlPairsAsync(database, parameterMaps, Invariant($"sql-8-{client}"), n, ct)));
        Progress.Log(Invariant($"writes: raw SQL {sql1.PairsPerSecond} pairs/s (1), {sql8.PairsPerSecond} pairs/s ({ConcurrentClients})"));

        Progress.Log(Invariant($"writes: the HTTP floor (a bare app, the same round trips), warm-up then {pairs} pairs, 1 client"));
        await using var floor = await HttpFloor.StartAsync(database, ct);
        await HttpPairsAsync(floor.Client, "floor-warmup", WarmUpPairs, ct);
        var floor1 = await CpuMeter.MeasureAsync("writes: HTTP floor, 1 client", () =>
            MeasureAsync("http-floor", 1, pairs, 2, (_, n) => HttpPairsAsync(floor.Client, "floor-1", n, ct)));
        Progress.Log(Invariant($"writes: HTTP floor {floor1.PairsPerSecond} pairs/s"));

        return new WriteResults(http1, http8, sql1, sql8,
            Stats.Round(http1.PairsPerSecond / sql1.PairsPerSecond, 3), Stats.Round(http8.PairsPerSecond / sql8.PairsPerSecond, 3), costs,
            floor1, Stats.Round(floor1.PairsPerSecond / sql1.PairsPerSecond, 3), Stats.Round(http1.PairsPerSecond / floor1.PairsPerSecond, 3));
    }

    /// <summary>Statements and round trips of one create-version and one activate request (values 10.., unlike the pairs' 6/7).</summary>
    private static async Task<IReadOnlyList<WriteCost>> CostsAsync(HttpClient client, NpgsqlDataSource database, string postgresLog, CancellationToken ct)
    {
        const int requests = 10;
        var versions = new int[requests];
        var create = await WriteCostProbe.MeasureAsync("create version", requests, async i =>
        {
            var response = await client.PostAsync("/api/deployments/bench-warmup/versions",
                Json(Invariant($$"""{"parameters":{"retrieval.top_k":{{10 + i}}},"reason":"cost"}""")), ct);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            versions[i] = body.RootElement.TryGetProperty("configVersion", out var v) ? v.GetInt32() : 0;
            return response;
        }, database, postgresLog, ct);
        var activate = await WriteCostProbe.MeasureAsync("activate version", requests, i =>
            client.PostAsync(Invariant($"/api/deployments/bench-warmup/versions/{versions[i]}/activate"), Json("""{"reason":"cost"}"""), ct),
            database, postgresLog, ct);
        Progress.Log(Invariant($"writes: create {create.StatementsPerRequest} statements / {create.RoundTripsPerRequest} round trips, activate {activate.StatementsPerRequest} / {activate.RoundTripsPerRequest}"));
        return [create, activate];
    }

    /// <summary>Runs <paramref name="pairs"/> pairs split over <paramref name="clients"/> concurrent workers; each worker returns its pair latencies.</summary>
    private static async Task<WriteRun> MeasureAsync(
        string path, int clients, int pairs, int commitsPerPair, Func<int, int, Task<List<double>>> worker)
    {
        var started = Stopwatch.GetTimestamp();
        var latencies = await Task.WhenAll(Enumerable.Range(0, clients)
            .Select(c => Task.Run(() => worker(c, pairs / clients + (c < pairs % clients ? 1 : 0)))));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new WriteRun(path, clients, pairs, commitsPerPair, Stats.Round(elapsed.TotalSeconds, 2), Stats.PerSecond(pairs, elapsed),
            LatencySummary.From(latencies.SelectMany(l => l)));
    }

    /// <summary>Creates a version changing retrieval.top_k (alternating 6 and 7, so each is a real change), then activates it.</summary>
    private static async Task<List<double>> HttpPairsAsync(HttpClient client, string deployment, int pairs, CancellationToken ct)
    {
        var latencies = new List<double>(pairs);
        for (var i = 0; i < pairs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var created = await Expect(await client.PostAsync(Invariant($"/api/deployments/{deployment}/versions"),
                Json(Invariant($$"""{"parameters":{"retrieval.top_k":{{6 + i % 2}}},"reason":"bench"}""")), ct), HttpStatusCode.Created, ct);
            var version = created.RootElement.GetProperty("configVersion").GetInt32();
            created.Dispose();
            (await Expect(await client.PostAsync(Invariant($"/api/deployments/{deployment}/versions/{version}/activate"),
                Json("""{"reason":"bench"}"""), ct), HttpStatusCode.OK, ct)).Dispose();
            latencies.Add(Stats.Milliseconds(started));
        }
        return latencies;
    }

    private static async Task<List<double>> SqlPairsAsync(
        NpgsqlDataSource database, string[] parameterMaps, string deployment, int pairs, CancellationToken ct)
    {
        var latencies = new List<double>(pairs);
        await using var connection = await database.OpenConnectionAsync(ct);
        for (var i = 0; i < pairs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var version = new NpgsqlCommand(
                "insert into bench_baseline.config_version (deployment, version, parameters, reason) values ($1, $2, $3, 'bench')", connection, transaction))
            {
                version.Parameters.Add(new NpgsqlParameter { Value = deployment });
                version.Parameters.Add(new NpgsqlParameter { Value = i + 1 });
                version.Parameters.Add(new NpgsqlParameter { Value = parameterMaps[i % 2], NpgsqlDbType = NpgsqlDbType.Jsonb });
                await version.ExecuteNonQueryAsync(ct);
            }
            await using (var activation = new NpgsqlCommand(
                "insert into bench_baseline.activation (deployment, activation, version, reason) values ($1, $2, $2, 'bench')", connection, transaction))
            {
                activation.Parameters.Add(new NpgsqlParameter { Value = deployment });
                activation.Parameters.Add(new NpgsqlParameter { Value = i + 1 });
                await activation.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            latencies.Add(Stats.Milliseconds(started));
        }
        return latencies;
    }

    /// <summary>
    /// The full parameter map of the seeded default deployment with retrieval.top_k = 6 and = 7, so baseline rows are as
    /// large as real versions and alternate like the HTTP run.
    /// </summary>
    private static async Task<string[]> ParameterMapsAsync(HttpClient client, CancellationToken ct)
    {
        using var config = await Expect(await client.GetAsync("/api/deployments/default/config", ct), HttpStatusCode.OK, ct);
        var map = JsonNode.Parse(config.RootElement.GetProperty("parameters").GetRawText())!.AsObject();
        return [.. new[] { 6, 7 }.Select(topK =>
        {
            map["retrieval.top_k"] = topK;
            return map.ToJsonString();
        })];
    }

    private static async Task CreateBaselineTablesAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand("""
            drop schema if exists bench_baseline cascade;
            create schema bench_baseline;
            create table bench_baseline.config_version (
                deployment text not null, version int not null, parameters jsonb not null, reason text not null,
                created_at timestamptz not null default now(), primary key (deployment, version));
            create table bench_baseline.activation (
                deployment text not null, activation int not null, version int not null, reason text not null,
                activated_at timestamptz not null default now(), primary key (deployment, activation));
            """);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>The response body as JSON when the status is the expected one; otherwise a loud failure with the body.</summary>
    internal static async Task<JsonDocument> Expect(HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != expected)
                throw new InvalidOperationException(Invariant(
                    $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}"));
            return JsonDocument.Parse(body);
        }
    }
}
