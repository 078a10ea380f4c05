using System.Text.Encodings.Web;
using System.Text.Json;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Teacher;

internal sealed record Report(
    string Benchmark, string Command, DateTimeOffset StartedAt, double DurationMinutes, Options Options, MachineInfo Machine,
    LibraryRun Library, SeedResult Seed, FoldResult Fold, AggregateResult Aggregates, JudgeResult Judge, AaResult AaComparisons, IReadOnlyList<PhaseCpu> Cpu)
{
    public const double ColdTargetMs = 1000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void PrintTable()
    {
        Console.WriteLine();
        Console.WriteLine($"{Machine.Cpu}, {Machine.Cores} cores, {Machine.RamGiB} GiB; {Machine.Os}; {Machine.Dotnet}");
        Console.WriteLine(Invariant($"{Seed.Rows} rows seeded in {Seed.Seconds} s ({Seed.RowsPerSecond} rows/s, {Seed.TableMegabytes} MB)"));
        Console.WriteLine(Invariant($"{Fold.Runs} runs folded in {Fold.Seconds} s ({Fold.RunsPerSecond} runs/s; ANALYZE {Fold.AnalyzeSeconds} s; run_values {Fold.RunValuesMegabytes} MB)"));
        Console.WriteLine(Invariant($"{"query",-62} {"rows",5} {"cold ms",9} {"warm ms",9}"));
        foreach (var q in Aggregates.Queries)
            Console.WriteLine(Invariant($"{q.Name,-62} {q.RowsOut,5} {q.ColdMs,9} {q.WarmMedianMs,9}"));
        var s = Aggregates.Statistics;
        Console.WriteLine(Invariant($"statistics: {s.Tests} tests in {s.MicrosecondsPerSet} µs ({s.MicrosecondsPerTest} µs each)"));
        Console.WriteLine(Invariant($"verdict inputs (per variant + paired, all + kind:*, + statistics): cold {Aggregates.VerdictInputsColdMs} ms (target < {ColdTargetMs} ms), warm {Aggregates.VerdictInputsWarmMs} ms"));
        Console.WriteLine(Invariant($"judge ({Judge.Answers} answers, model load {Judge.ModelLoadSeconds} s excluded):"));
        foreach (var p in Judge.Passes)
            Console.WriteLine(Invariant($"  {p.Name,-80} {p.AnswersPerSecond,8} answers/s"));
        Console.WriteLine(Invariant($"A/A, {AaComparisons.Comparisons} comparisons:"));
        foreach (var r in AaComparisons.Rates)
            Console.WriteLine(Invariant($"  {r.Metric,-28} {r.Test,-9} alpha {r.Alpha}: {r.Significant} significant = {r.Rate} (band {r.Low}..{r.High}) {(r.WithinBand ? "within" : "OUTSIDE")}"));
        foreach (var c in Cpu)
            Console.WriteLine(Invariant($"cpu {c.Phase,-40} wall {c.WallSeconds} s, app {c.AppCpuSeconds} s, postgres {c.PostgresCpuSeconds} s, other {c.OtherCpuSeconds} s"));
    }

    public async Task WriteJsonAsync(string path, CancellationToken ct)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            Directory.CreateDirectory(folder);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, ct);
    }
}
