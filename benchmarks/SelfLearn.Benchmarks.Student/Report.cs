using static System.FormattableString;

namespace SelfLearn.Benchmarks.Student;

internal sealed record Targets(double RetrievalP95Ms, double TelemetryRowsPerSecond);

internal sealed record Report(
    string Benchmark, string Command, DateTimeOffset StartedAt, double DurationMinutes, Options Options, Machine Machine,
    int LocomoTurns, Targets Targets, InProcessResult InProcess, HttpResult Http, TelemetryResult Telemetry)
{
    public void PrintTable()
    {
        var p = InProcess;
        var t = Telemetry;
        Console.WriteLine();
        Console.WriteLine($"{Machine.Cpu}, {Machine.Cores} cores, {Machine.RamGiB} GiB; {Machine.Os}; {Machine.Dotnet}");
        Console.WriteLine(Machine.Postgres);
        Console.WriteLine(Invariant($"{"measure",-52} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9}  target"));
        Row($"hybrid retrieval, in-process ({p.Memories} memories)", p.Hybrid, Invariant($"p95 < {Targets.RetrievalP95Ms} ms"));
        Row("naive brute force (LINQ dot + term overlap, top 10)", p.Naive, Invariant($"{p.NaiveOverHybridP95}x hybrid at p95"));
        Row("HTTP /maas/v1/query latencyMs.retrieve", Http.ServerRetrieve, "");
        Row("HTTP /maas/v1/query client wall time (warm)", Http.ClientWall, "");
        Row("HTTP /maas/v1/query client wall time (first pass)", Http.ColdClientWall, "");
        Console.WriteLine(Invariant($"{"measure",-52} {"rows",9} {"seconds",9} {"rows/s",9}  target"));
        Console.WriteLine(Invariant($"{"telemetry: TelemetryWriter (binary COPY)",-52} {t.Rows,9} {t.Seconds,9} {t.RowsPerSecond,9}  >= {Targets.TelemetryRowsPerSecond} rows/s"));
        Console.WriteLine(Invariant($"{"baseline: single-row INSERTs, 1000 per transaction",-52} {t.BaselineRows,9} {t.BaselineSeconds,9} {t.BaselineRowsPerSecond,9}  writer {t.Speedup}x"));
    }

    private static void Row(string name, Latency l, string note) =>
        Console.WriteLine(Invariant($"{name,-52} {l.P50Ms,9} {l.P95Ms,9} {l.P99Ms,9}  {note}"));
}
