using System.Diagnostics;
using System.Text.Json;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Benchmarks.Student;

internal sealed record InProcessResult(int Memories, int Queries, int WarmUp, Latency Hybrid, Latency Naive, double NaiveOverHybridP50, double NaiveOverHybridP95);

/// <summary>
/// In-process retrieval: <see cref="HybridRetriever"/> with the catalog defaults versus a naive brute force
/// (LINQ over every memory: dot product + query-term overlap, OrderByDescending, Take(10)). Embedding excluded.
/// </summary>
internal static class RetrievalBench
{
    public const int WarmUp = 100;

    public static IReadOnlyDictionary<string, JsonElement> DefaultParameters()
    {
        var now = DateTimeOffset.UtcNow;
        return Catalog.Defaults(Catalog.ByKey(DefaultCatalog.Factors.Select(f => ImpactFactor.Create(f, now))));
    }

    public static InProcessResult Run(Corpus corpus)
    {
        var index = new MemoryIndex(corpus.Memories.Select(MemoryIndexCache.ToEntry));
        var settings = RetrievalSettings.From(DefaultParameters());
        var now = index.Latest ?? DateTimeOffset.UtcNow;
        Progress.Log($"in-process: {index.Count} memories indexed; {WarmUp} warm-up queries, then {corpus.Questions.Count} timed");
        var hybrid = Time(corpus, (q, v) => HybridRetriever.Retrieve(index, q, v, settings, now).Items.Count);
        Progress.Log($"hybrid retrieval: {hybrid}");

        var naive = new NaiveRetriever(corpus.Memories);
        var brute = Time(corpus, naive.Retrieve);
        Progress.Log($"naive brute force: {brute}");
        return new InProcessResult(index.Count, corpus.Questions.Count, WarmUp, hybrid, brute,
            Latency.R(brute.P50Ms / hybrid.P50Ms, 2), Latency.R(brute.P95Ms / hybrid.P95Ms, 2));
    }

    private static Latency Time(Corpus corpus, Func<string, float[], int> retrieve)
    {
        var sink = 0;
        for (var i = 0; i < WarmUp; i++)
            sink += retrieve(corpus.Questions[i % corpus.Questions.Count], corpus.QueryVectors[i % corpus.Questions.Count]);
        var samples = new List<double>(corpus.Questions.Count);
        for (var i = 0; i < corpus.Questions.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            sink += retrieve(corpus.Questions[i], corpus.QueryVectors[i]);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        GC.KeepAlive(sink);
        return Latency.From(samples);
    }
}
