using System.Diagnostics;
using SelfLearn.Agents.Student.Configuration;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Agents.Tuner;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>
/// A side measurement for "where the time goes": the configuration every query resolves before it retrieves
/// (deployment and experiment in one round trip, the variant's version in a second; the catalog from memory), alone, first one call
/// after another, then <c>concurrency</c> at a time, with the CPU it costs the app and PostgreSQL.
/// </summary>
internal sealed record ConfigProbe(int Resolves, double SequentialMeanMs, double ConcurrentPerSecond, PhaseCpu Sequential, PhaseCpu Concurrent)
{
    public double AppCpuMsPerResolve => Stats.Round(Concurrent.AppCpuSeconds * 1000 / Resolves, 2);

    public double PostgresCpuMsPerResolve => Stats.Round(Concurrent.PostgresCpuSeconds * 1000 / Resolves, 2);

    public static async Task<ConfigProbe> RunAsync(KestrelApp host, SimulationTarget target, int resolves, int concurrency, CancellationToken ct)
    {
        var catalog = host.Get<CatalogCache>();
        async ValueTask ResolveAsync(int i)
        {
            await using var session = host.Store.QuerySession();
            var variant = target.Variants[i % target.Variants.Count].Name;
            var (config, error) = await StudentConfigResolver.ResolveAsync(session, catalog, target.DeploymentId, target.ExperimentId, variant, "probe-user", null, null, ct);
            _ = config ?? throw new InvalidOperationException($"config resolution failed: {error}");
        }

        for (var i = 0; i < 50; i++)
            await ResolveAsync(i);
        var sequential = await CpuMeter.MeasureAsync("config resolution, 1 client", async () =>
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < resolves; i++)
                await ResolveAsync(i);
            return Stopwatch.GetElapsedTime(started);
        });
        var sequentialCpu = CpuMeter.Phases[^1];
        var concurrent = await CpuMeter.MeasureAsync($"config resolution, {concurrency} clients", async () =>
        {
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForAsync(0, resolves, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
                async (i, _) => await ResolveAsync(i));
            return Stopwatch.GetElapsedTime(started);
        });
        return new ConfigProbe(resolves, Stats.Round(sequential.TotalMilliseconds / resolves, 3), Stats.PerSecond(resolves, concurrent),
            sequentialCpu, CpuMeter.Phases[^1]);
    }
}
