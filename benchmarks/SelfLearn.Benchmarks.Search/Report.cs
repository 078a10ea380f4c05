using System.Text.Encodings.Web;
using System.Text.Json;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Search;

internal sealed record Report(
    string Benchmark, string Command, DateTimeOffset StartedAt, double DurationMinutes, Options Options, MachineInfo Machine,
    OfflineIngest Ingest, OfflineResult Offline, HttpEvalResult Http, IReadOnlyList<PhaseCpu> Cpu)
{
    public const double TargetMs = 1000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void PrintTable()
    {
        Console.WriteLine();
        Console.WriteLine($"{Machine.Cpu}, {Machine.Cores} cores, {Machine.RamGiB} GiB; {Machine.Os}; {Machine.Dotnet}");
        var e = Offline.Evaluation;
        Console.WriteLine(Invariant($"offline ingest (cold embeddings): {Ingest.Turns} turns + {Offline.Questions} questions in {Ingest.Seconds} s ({Ingest.TextsPerSecond} texts/s)"));
        Console.WriteLine(Invariant($"offline evaluation of {Offline.Questions} questions, warm, {e.Count} runs: median {e.P50Ms} ms, p95 {e.P95Ms} ms, max {e.MaxMs} ms (target < {TargetMs} ms) = {Offline.EvaluationsPerMinute} evaluations/min"));
        Console.WriteLine(Invariant($"HTTP evaluation: ingest {Http.IngestSeconds} s (embeddings cached), questions {Http.QuestionsSeconds} s, total {Http.TotalSeconds} s"));
        Console.WriteLine(Invariant($"recall@10: offline {Offline.Summary.Recall[10]:0.0000}, HTTP {Http.Summary.Recall[10]:0.0000}"));
        foreach (var c in Cpu)
            Console.WriteLine(Invariant($"cpu {c.Phase,-40} wall {c.WallSeconds} s, app {c.AppCpuSeconds} s, postgres {c.PostgresCpuSeconds} s, other {c.OtherCpuSeconds} s, cores busy {c.CoresBusy}"));
    }

    public async Task WriteJsonAsync(string path, CancellationToken ct)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            Directory.CreateDirectory(folder);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, ct);
    }
}
