using System.Diagnostics;
using System.Net.Http.Json;
using Marten;
using SelfLearn.Agents.Seeding;
using SelfLearn.Agents.Maas;

using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Student;

internal sealed record HttpResult(int Memories, int Queries, double SeedSeconds, Latency ServerRetrieve, Latency ClientWall, Latency ColdClientWall);

/// <summary>
/// POST /maas/v1/query on the hosted app: memories stored directly with Marten (vectors included), then every question
/// asked twice; the first pass loads the index and fills the query-vector cache, the second pass is timed.
/// </summary>
internal static class HttpBench
{
    private const int SeedBatch = 1000;

    public static async Task<HttpResult> RunAsync(KestrelApp host, Corpus corpus, CancellationToken ct)
    {
        var store = host.Get<IDocumentStore>();
        var seeding = Stopwatch.StartNew();
        foreach (var batch in corpus.Memories.Chunk(SeedBatch))
        {
            await using var session = store.LightweightSession();
            session.Store(batch);
            await session.SaveChangesAsync(ct);
        }
        var seedSeconds = Latency.R(seeding.Elapsed.TotalSeconds, 1);
        Progress.Log($"seeded {corpus.Memories.Count} memories for {Corpus.UserId} in {seedSeconds} s");

        var (_, cold) = await PassAsync(host.Client, corpus, "first pass (index load, query embedding)", ct);
        var (retrieve, wall) = await PassAsync(host.Client, corpus, "second pass (timed)", ct);
        return new HttpResult(corpus.Memories.Count, corpus.Questions.Count, seedSeconds, retrieve, wall, cold);
    }

    private static async Task<(Latency Retrieve, Latency Wall)> PassAsync(HttpClient client, Corpus corpus, string name, CancellationToken ct)
    {
        Progress.Log($"HTTP {name}: {corpus.Questions.Count} queries");
        var retrieve = new List<double>(corpus.Questions.Count);
        var wall = new List<double>(corpus.Questions.Count);
        foreach (var question in corpus.Questions)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync("/maas/v1/query",
                new QueryRequest(SeedDefaults.DefaultDeployment, Corpus.UserId, null, question), ct);
            var body = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<QueryResponse>(ct)
                ?? throw new InvalidOperationException("empty query response");
            wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            retrieve.Add(body.LatencyMs["retrieve"]);
        }
        var result = (Latency.From(retrieve), Latency.From(wall));
        Progress.Log($"HTTP {name}: latencyMs.retrieve {result.Item1}; client wall {result.Item2}");
        return result;
    }
}
