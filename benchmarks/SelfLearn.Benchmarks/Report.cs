using System.Text.Json;
using static System.FormattableString;

namespace SelfLearn.Benchmarks;

internal sealed record BenchReport(
    string Benchmark,
    string Command,
    DateTimeOffset StartedAt,
    double WallMinutes,
    BenchOptions Options,
    MachineInfo Machine,
    string Server,
    WriteResults Writes,
    AsOfResults AsOf,
    RebuildResults Rebuild,
    IReadOnlyList<PhaseCpu> Cpu)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteJsonAsync(string path, CancellationToken ct)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, JsonOptions) + "\n", ct);
    }

    public void PrintTable()
    {
        var w = Writes;
        var seed = AsOf.Seeding;
        var lookups = AsOf.HttpLookups;
        string[][] rows =
        [
            ["measure", "result", "target / baseline", "ratio"],
            ["create+activate over HTTP, 1 client", Invariant($"{w.Http1.PairsPerSecond} pairs/s"), Invariant($"raw SQL {w.Sql1.PairsPerSecond} pairs/s"), Invariant($"{w.HttpToSql1:P0}")],
            ["same pair, bare HTTP app, same round trips, 1 client", Invariant($"{w.Floor1.PairsPerSecond} pairs/s"), Invariant($"of raw SQL {w.FloorToSql1:P0}"), Invariant($"app / bare {w.HttpToFloor1:P0}")],
            ["create+activate over HTTP, 8 clients", Invariant($"{w.Http8.PairsPerSecond} pairs/s"), Invariant($"raw SQL {w.Sql8.PairsPerSecond} pairs/s"), Invariant($"{w.HttpToSql8:P0}")],
            .. w.Costs.Select(c => new[] { c.Write + ": statements / round trips", Invariant($"{c.StatementsPerRequest} / {c.RoundTripsPerRequest}"), "", "" }),
            ["pair latency HTTP 1 / 8 clients (p50)", Invariant($"{w.Http1.PairLatency.P50Ms} / {w.Http8.PairLatency.P50Ms} ms"), Invariant($"raw SQL {w.Sql1.PairLatency.P50Ms} / {w.Sql8.PairLatency.P50Ms} ms"), ""],
            ["seeding via Marten append (inline proj.)", Invariant($"{seed.EventsPerSecond} events/s"), Invariant($"{seed.Pairs} pairs in {seed.Seconds} s"), ""],
            [Invariant($"as-of lookup over HTTP, {seed.Pairs} versions"), Invariant($"p50 {lookups.P50Ms} / p95 {lookups.P95Ms} / p99 {lookups.P99Ms} ms"), Invariant($"p95 < {AsOf.TargetP95Ms} ms: {Verdict(AsOf.MeetsTarget)}"), ""],
            ["as-of by replaying the stream", Invariant($"mean {AsOf.Replay.MeanMs} ms"), Invariant($"vs HTTP p50 {lookups.P50Ms} ms"), Invariant($"{AsOf.Replay.MeanMs / lookups.P50Ms:F0}x slower")],
            [Invariant($"rebuild {Rebuild.Projections.Count} projections one by one, {Rebuild.EventsInStore} events"), Invariant($"{Rebuild.EventsPerSecond} events/s"), Invariant($">= {Rebuild.TargetEventsPerSecond} events/s: {Verdict(Rebuild.MeetsTarget)}"), ""],
            .. Rebuild.Projections.Select(p => new[] { "  " + p.Name.Split('.')[^1], Invariant($"{p.EventsPerSecond} events/s"), Invariant($"{p.Seconds} s"), "" }),
            ["rebuild all projections at once", Invariant($"{Rebuild.ConcurrentEventsPerSecond} events/s"), Invariant($">= {Rebuild.TargetEventsPerSecond} events/s: {Verdict(Rebuild.ConcurrentMeetsTarget)}"), Invariant($"{Rebuild.ConcurrentSeconds} s")],
            ["raw read of mt_events", Invariant($"{Rebuild.RawRead.EventsPerSecond} events/s"), Invariant($"{Rebuild.RawRead.Megabytes} MB in {Rebuild.RawRead.Seconds} s"), Invariant($"rebuild {Rebuild.EventsPerSecond / Rebuild.RawRead.EventsPerSecond:P0}")],
        ];

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        Console.WriteLine();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            Console.WriteLine(string.Join(" | ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
            if (index == 0)
                Console.WriteLine(string.Join("-+-", widths.Select(width => new string('-', width))));
        }
        Console.WriteLine();
        Console.WriteLine("seconds per phase: wall | CPU of the app process | of PostgreSQL | of anything else | cores busy");
        foreach (var p in Cpu)
        {
            Console.WriteLine(Invariant(
                $"  {p.Phase.Split('.')[^1],-40} {p.WallSeconds,8} | {p.AppCpuSeconds,8} | {p.PostgresCpuSeconds,8} | {p.OtherCpuSeconds,8} | {p.CoresBusy,4}"));
        }
        if (Cpu.Any(p => p.OtherCpuSeconds > Math.Max(0.5, 0.1 * p.WallSeconds)))
            Console.WriteLine("WARNING: other processes used more than 10% of a core in some phase; those figures are disturbed.");
        Console.WriteLine();
        Console.WriteLine(Invariant($"machine: {Machine.Cpu}, {Machine.Cores} cores, {Machine.RamGiB} GiB, {Machine.Os}, {Machine.Dotnet}"));
        Console.WriteLine(Invariant($"server: {Server}; {Machine.Postgres}"));
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";
}
