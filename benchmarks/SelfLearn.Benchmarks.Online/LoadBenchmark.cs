using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Api.Hosting;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Online;

/// <summary>Both arms' figures together: means over the arms of each mode and the ratio on/off.</summary>
internal sealed record ModeSummary(bool Monitoring, int Arms, double QueriesPerSecond, double P50Ms, double P95Ms);

/// <summary>
/// Issue #13's MaaS query path under load (docs/BENCHMARKS.md): the real app in process, concurrent live users, arms with
/// the online monitoring off and on alternating in the same run; then the time from the first bad window to the
/// rollback event. Prints the figures and writes them as JSON.
/// </summary>
internal static class LoadBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task<int> RunAsync(string[] args) => BenchmarkMain.RunAsync(args, LoadOptions.Parse, RunAsync);

    private static async Task<int> RunAsync(LoadOptions options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        Progress.Log("starting a throw-away PostgreSQL");
        using var postgres = EmbeddedPostgres.StartThrowAway("selflearn_online_load_bench", message => Progress.Log("[postgres] " + message));
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var machine = await MachineInfo.DescribeAsync(database, ct);
        Progress.Log($"{machine.Cpu}, {machine.Cores} cores; {machine.Postgres}; load average {LoadArm.LoadAverage()}");
        var set = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 7, options.Scenarios, ct: ct)).Set;

        var arms = new List<ArmResult>();
        for (var index = 0; index < options.Rounds * 2; index++)
        {
            // off, on, on, off, …: each round's pair swaps its order, so a steady drift of the shared machine favours neither mode.
            var monitoring = index % 4 is 1 or 2;
            Progress.Log($"arm {index + 1}/{options.Rounds * 2}: monitoring {(monitoring ? "on" : "off")}, {options.Users} users for {options.ArmSeconds} s");
            var arm = await LoadArm.RunAsync(postgres.ConnectionString, database, set, options, index + 1, monitoring, ct);
            arms.Add(arm);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {arm.QueriesPerSecond} queries/s, p50 {arm.P50Ms} ms, p95 {arm.P95Ms} ms; {arm.Answered} answered, {arm.Failed} failed; {arm.RunsFolded} runs folded; load average {arm.LoadAverage}"));
        }
        var (off, on) = (Summary(arms, false), Summary(arms, true));
        var ratio = new
        {
            queriesPerSecond = Stats.Round(on.QueriesPerSecond / off.QueriesPerSecond, 3),
            p50 = Stats.Round(on.P50Ms / off.P50Ms, 3),
            p95 = Stats.Round(on.P95Ms / off.P95Ms, 3),
            pairMedianQueriesPerSecond = Median(arms.Chunk(2).Select(pair => Stats.Round(pair.Single(a => a.Monitoring).QueriesPerSecond / pair.Single(a => !a.Monitoring).QueriesPerSecond, 3))),
            pairMedianP95 = Median(arms.Chunk(2).Select(pair => Stats.Round(pair.Single(a => a.Monitoring).P95Ms / pair.Single(a => !a.Monitoring).P95Ms, 3))),
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"monitoring off: {off.QueriesPerSecond} queries/s, p50 {off.P50Ms} ms, p95 {off.P95Ms} ms | on: {on.QueriesPerSecond} queries/s, p50 {on.P50Ms} ms, p95 {on.P95Ms} ms | on/off: {ratio.queriesPerSecond} throughput, {ratio.p50} p50, {ratio.p95} p95; median over the {options.Rounds} adjacent pairs: {ratio.pairMedianQueriesPerSecond} throughput, {ratio.pairMedianP95} p95"));

        Progress.Log($"time to rollback: {options.Rollbacks} activations of the deliberately bad version under live users at 20 queries/s");
        var rollbacks = options.Rollbacks == 0 ? [] : await RollbackTiming.RunAsync(postgres.ConnectionString, set, options.Rollbacks, 20, ct);
        // The first attempt comes seconds after the app started, the later ones with the monitor long running: reported apart.
        var steady = rollbacks.Skip(1).ToList();
        var rollback = rollbacks.Count == 0 ? null : new
        {
            attempts = rollbacks.Count,
            firstAfterStart = rollbacks[0],
            steadyAttempts = steady.Count,
            firstBadWindowToRollbackMedianSeconds = steady.Count == 0 ? (double?)null : Median(steady.Select(r => r.FirstBadWindowToRollbackSeconds)),
            firstBadWindowToRollbackMaxSeconds = steady.Count == 0 ? (double?)null : steady.Max(r => r.FirstBadWindowToRollbackSeconds),
            activationToRollbackMedianSeconds = steady.Count == 0 ? (double?)null : Median(steady.Select(r => r.ActivationToRollbackSeconds)),
            activationToRollbackMaxSeconds = steady.Count == 0 ? (double?)null : steady.Max(r => r.ActivationToRollbackSeconds),
            times = rollbacks,
        };
        if (rollback is not null)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first bad window to rollback: {rollback.firstAfterStart.FirstBadWindowToRollbackSeconds} s on the first attempt after the app started; then median {rollback.firstBadWindowToRollbackMedianSeconds} s, max {rollback.firstBadWindowToRollbackMaxSeconds} s; activation to rollback: median {rollback.activationToRollbackMedianSeconds} s, max {rollback.activationToRollbackMaxSeconds} s"));

        var minutes = Stats.Round(Stopwatch.GetElapsedTime(started).TotalMinutes);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
        await File.WriteAllTextAsync(options.Out, JsonSerializer.Serialize(new
        {
            benchmark = "online-load", command = options.CommandLine(), startedAt, minutes, machine, loadAverageAtEnd = LoadArm.LoadAverage(),
            options.Users, options.ArmSeconds, warmUpSeconds = options.WarmUp.TotalSeconds, scenarios = options.Scenarios,
            arms, off, on, ratio, rollback,
        }, Json), ct);
        Progress.Log($"figures written to {options.Out}");
        return 0;
    }

    private static ModeSummary Summary(List<ArmResult> arms, bool monitoring)
    {
        var mode = arms.Where(a => a.Monitoring == monitoring).ToList();
        return new ModeSummary(monitoring, mode.Count, Stats.Round(mode.Average(a => a.QueriesPerSecond)),
            Stats.Round(mode.Average(a => a.P50Ms), 2), Stats.Round(mode.Average(a => a.P95Ms), 2));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : Stats.Round((sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2, 2);
    }
}
