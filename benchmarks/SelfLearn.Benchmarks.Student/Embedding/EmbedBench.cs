using System.Diagnostics;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Benchmarks.Shared;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Student.Embedding;

/// <summary>
/// Issue #11: the cold embedding pass of a new dataset, in texts/s, through the app's embedder chain without and with
/// <see cref="BatchingEmbedder"/>, next to the bare model's texts/s at several batch sizes (the ceiling on this machine);
/// <c>--model minilm</c> measures the second embedder instead of the first.
/// </summary>
internal static class EmbedBench
{
    private static readonly int[] BatchSizes = [1, 8, 16, 32, 64, 128];

    public static async Task<int> RunAsync(EmbedOptions options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var requests = ColdPass.Requests(LocomoDataset.Load(options.Dataset));
        var distinct = ColdPass.DistinctTexts(requests);
        var requested = requests.Sum(r => r.Texts.Count);
        Progress.Log($"{requests.Count} requests, {requested} texts requested, {distinct} distinct");

        var ceiling = await MeasureCeilingAsync(requests, options);
        var model = options.NewModel();
        using var owned = (IDisposable)model;
        model.Embed(["Warming up the model.", "A second, somewhat longer sentence to warm up the model with."], EmbeddingKind.Passage);
        var before = await MeasurePassAsync("cold pass, before: cache over the model", model, counted => counted, requests, distinct, options, ct);
        var after = await MeasurePassAsync("cold pass, after: cache over the batcher over the model", model,
            counted => new BatchingEmbedder(counted), requests, distinct, options, ct);

        var report = new EmbedReport("student-embed", options.CommandLine(), startedAt, Math.Round(Stopwatch.GetElapsedTime(started).TotalMinutes, 1),
            Cpu(), Environment.ProcessorCount, requests.Count, requested, distinct, ceiling, [before, after]);
        report.Print();
        await JsonReport.WriteAsync(options.Out, report, ct);
        Progress.Log($"figures written to {options.Out}");
        return 0;
    }

    private static async Task<IReadOnlyList<CeilingResult>> MeasureCeilingAsync(IReadOnlyList<EmbedRequest> requests, EmbedOptions options)
    {
        var texts = requests.Where(r => r.Kind == EmbeddingKind.Passage).SelectMany(r => r.Texts).Distinct().Take(options.CeilingTexts)
            .OrderBy(t => t.Length).ToArray();
        var bare = options.NewModel(batchSize: BatchSizes.Max());
        using var disposable = (IDisposable)bare;
        bare.Embed(["Warming up the model.", "A second, somewhat longer sentence to warm up the model with."], EmbeddingKind.Passage);
        var results = new List<CeilingResult>();
        foreach (var size in BatchSizes)
        {
            var phase = Invariant($"bare model, batch {size}");
            Progress.Log(phase);
            await SelfLearn.Benchmarks.CpuMeter.MeasureAsync(phase, () =>
            {
                foreach (var chunk in texts.Chunk(size))
                    bare.Embed(chunk, EmbeddingKind.Passage);
                return Task.FromResult(0);
            });
            var measured = SelfLearn.Benchmarks.CpuMeter.Phases[^1];
            results.Add(new CeilingResult(size, texts.Length, measured.WallSeconds, Math.Round(texts.Length / measured.WallSeconds, 1),
                measured.AppCpuSeconds, measured.OtherCpuSeconds, measured.CoresBusy));
        }

        return results;
    }

    private static async Task<PassResult> MeasurePassAsync(string phase, ITextEmbedder model, Func<ITextEmbedder, ITextEmbedder> overModel,
        IReadOnlyList<EmbedRequest> requests, int distinct, EmbedOptions options, CancellationToken ct)
    {
        Progress.Log(phase);
        var counted = new CountingModel(model);
        var inner = overModel(counted);
        var embedder = new CachedEmbedder(inner, new InMemoryEmbeddingCache(1_000_000));
        await SelfLearn.Benchmarks.CpuMeter.MeasureAsync(phase, async () =>
        {
            await ColdPass.PlayAsync(embedder, requests, options.Concurrency, ct);
            return 0;
        });
        (inner as IDisposable)?.Dispose();
        var measured = SelfLearn.Benchmarks.CpuMeter.Phases[^1];
        return new PassResult(phase, measured.WallSeconds, counted.Texts, Math.Round(distinct / measured.WallSeconds, 1),
            measured.AppCpuSeconds, measured.OtherCpuSeconds, measured.CoresBusy);
    }

    private static string Cpu() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").Where(l => l.StartsWith("model name", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault() ?? "?"
            : "?";
}
