using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Api.Hosting;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Online;

/// <summary>
/// Issue #13's window update (docs/ONLINE.md): writing 1 and 100 live runs into a database already holding
/// <c>--rows</c> runs, with the online fold's trigger on and off in the same run. Prints the figures and writes them as JSON.
/// </summary>
internal static class OnlineBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary><c>-- load …</c> runs the query path under load (<see cref="LoadBenchmark"/>), <c>-- partitions …</c> telemetry at scale (#15); anything else, the window update.</summary>
    public static Task<int> Main(string[] args) => args switch
    {
        ["load", .. var rest] => LoadBenchmark.RunAsync(rest),
        ["partitions", .. var rest] => Partitions.PartitionsBenchmark.RunAsync(rest),
        _ => BenchmarkMain.RunAsync(args, Options.Parse, RunAsync),
    };

    private static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        Progress.Log("starting a throw-away PostgreSQL");
        using var postgres = EmbeddedPostgres.StartThrowAway("selflearn_online_bench", message => Progress.Log("[postgres] " + message));
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var machine = await MachineInfo.DescribeAsync(database, ct);
        Progress.Log($"{machine.Cpu}, {machine.Cores} cores; {machine.Postgres}");
        await new TeacherTables(database).EnsureAsync(ct);

        Progress.Log(string.Create(CultureInfo.InvariantCulture, $"storing {options.Rows} runs (folded by the trigger as they are written)"));
        var seed = await StoredRuns.RunAsync(database, options.Rows, ct);
        Progress.Log(string.Create(CultureInfo.InvariantCulture,
            $"  {seed.Rows} runs ({seed.LiveRows} live) in {seed.Seconds} s; {seed.WindowRows} window rows, {seed.SampledRuns} sampled for the judge, runs table {seed.TableMegabytes} MB"));

        var updates = new List<WindowUpdate>();
        foreach (var batch in new[] { 1, 100 })
        {
            Progress.Log(string.Create(CultureInfo.InvariantCulture, $"window updates of {batch} run(s): {options.Repeats} with the fold on, {options.Repeats} off"));
            var update = await WindowUpdateBench.RunAsync(database, batch, options.Repeats, ct);
            updates.Add(update);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {batch,3} run(s): fold on p50 {update.FoldOn.P50Ms} ms p95 {update.FoldOn.P95Ms} ms mean {update.FoldOn.MeanMs} ms | fold off p50 {update.FoldOff.P50Ms} ms p95 {update.FoldOff.P95Ms} ms mean {update.FoldOff.MeanMs} ms | fold cost (p50) {update.FoldCostP50Ms} ms"));
        }

        var minutes = Stats.Round(Stopwatch.GetElapsedTime(started).TotalMinutes);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
        await File.WriteAllTextAsync(options.Out, JsonSerializer.Serialize(
            new { benchmark = "online", command = options.CommandLine(), startedAt, minutes, machine, seed, updates }, Json), ct);
        Progress.Log($"figures written to {options.Out}");
        return 0;
    }
}
