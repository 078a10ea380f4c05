using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Experiments.Live;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Experiments;

/// <summary>
/// exp-srm (weights control 1, fewer 3: planned shares 0.25 / 0.75) gets runs written straight to telemetry, so each
/// window's units are known: window 0 matches the plan, window 1 does not, window 2 is empty.
/// </summary>
public sealed class LiveSampleRatioTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private async Task WriteRunsAsync()
    {
        var fewer = await Host.CreateFewerItemsVersion();
        await Host.RegisterExperiment("exp-srm", fewer, weights: [1, 3]);
        await Host.RegisterExperiment("exp-other", fewer);
        var telemetry = Host.Services.GetRequiredService<TelemetryWriter>();
        void Run(string user, string variant, TimeSpan after, string experiment = "exp-srm", string cycleType = "online") =>
            telemetry.Enqueue(new PipelineRun(Guid.CreateVersion7(), Start + after, "default", 1, experiment, variant, cycleType, null, null, user, null,
                "q", "a", false, [], [], [], [], [], 0, 0, new Dictionary<string, double> { ["total"] = 1 }, null));

        // Window 0 [00:00, 00:01): 10 control and 30 fewer units; every control user asks twice.
        for (var i = 0; i < 10; i++)
        {
            Run($"c{i}", "control", TimeSpan.FromSeconds(1));
            Run($"c{i}", "control", TimeSpan.FromSeconds(50));
        }
        for (var i = 0; i < 30; i++)
            Run($"f{i}", "fewer", TimeSpan.FromSeconds(2));
        // Window 1 [00:01, 00:02): 20 control (one of them right on the window's start) and 20 fewer units.
        for (var i = 0; i < 20; i++)
        {
            Run($"c{i}", "control", TimeSpan.FromSeconds(i == 0 ? 60 : 61));
            Run($"f{i}", "fewer", TimeSpan.FromSeconds(100));
        }
        // Not counted: offline runs of the experiment, runs of another experiment.
        Run("x1", "control", TimeSpan.FromSeconds(3), cycleType: "offline");
        Run("x2", "control", TimeSpan.FromSeconds(3), experiment: "exp-other");
        await telemetry.FlushAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Each_window_counts_the_units_per_variant_and_tests_them_against_the_planned_weights()
    {
        await WriteRunsAsync();

        var report = await Host.Get("/api/experiments/exp-srm/live-split?from=2026-01-01T00:00:30Z&to=2026-01-01T00:03:00Z");

        Assert.Equal((60, "2026-01-01T00:00:00+00:00", "2026-01-01T00:03:00+00:00"),
            (report!["windowSeconds"]!.GetValue<int>(), report["from"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-ddTHH:mm:sszzz"),
                report["to"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-ddTHH:mm:sszzz")));
        var windows = report["windows"]!.AsArray();
        Assert.Equal(3, windows.Count);
        Assert.Equal([10L, 30L], windows[0]!["variants"]!.AsArray().Select(v => v!["units"]!.GetValue<long>()));
        Assert.Equal([0.25, 0.75], windows[0]!["variants"]!.AsArray().Select(v => v!["plannedShare"]!.GetValue<double>()));
        // exactly the plan: χ² = 0, p = 1
        Assert.Equal((0.0, 1, 1.0, false), Figures(windows[0]!));
        // 40 units, expected 10 / 30: χ² = (20-10)²/10 + (20-30)²/30 = 13.333…, p = erfc(√(χ²/2)) = 0.000260729632855 (Python's math.erfc)
        Assert.Equal([20L, 20L], windows[1]!["variants"]!.AsArray().Select(v => v!["units"]!.GetValue<long>()));
        var (chiSquare, df, p, mismatch) = Figures(windows[1]!);
        Assert.Equal(40.0 / 3, chiSquare, 12);
        Assert.Equal((1, true), (df, mismatch));
        Assert.Equal(0.000260729632855, p, 12);
        Assert.Equal(0L, windows[2]!["totalUnits"]!.GetValue<long>());
        Assert.Null(windows[2]!["chiSquare"]);
        Assert.False(windows[2]!["mismatch"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_check_the_monitor_calls_gives_the_figures_of_one_window()
    {
        await WriteRunsAsync();
        var ratio = Host.Services.GetRequiredService<LiveSampleRatio>();
        var ct = TestContext.Current.CancellationToken;

        var window = await ratio.CheckAsync("exp-srm", Start.AddMinutes(1), Start.AddMinutes(2), ct);

        Assert.Equal([("control", 20L, 0.25), ("fewer", 20L, 0.75)], window!.Variants.Select(v => (v.Variant, v.Units, v.PlannedShare)));
        Assert.Equal((40L, true), (window.TotalUnits, window.Mismatch));
        Assert.Equal(40.0 / 3, window.ChiSquare!.Value, 12);
        // Over both windows a unit is counted once per variant: control c0…c19, fewer f0…f29.
        Assert.Equal([20L, 30L], (await ratio.CheckAsync("exp-srm", Start, Start.AddMinutes(2), ct))!.Variants.Select(v => v.Units));
        Assert.Null(await ratio.CheckAsync("exp-none", Start, Start.AddMinutes(1), ct));
    }

    [Fact]
    public async Task Bad_requests_for_the_live_split_are_refused()
    {
        var fewer = await Host.CreateFewerItemsVersion();
        await Host.RegisterExperiment("exp-srm", fewer);
        await Host.RegisterExperiment("exp-offline", fewer, mode: "offline");

        await Host.Get("/api/experiments/exp-none/live-split", 404);
        Assert.Equal("experiment 'exp-offline' is offline: the emulator plays it, so it splits no live traffic.",
            (await Host.Get("/api/experiments/exp-offline/live-split", 400))!["detail"]!.GetValue<string>());
        await Host.Get("/api/experiments/exp-srm/live-split?from=yesterday", 400);
        await Host.Get("/api/experiments/exp-srm/live-split?from=2026-01-01T00:02:00Z&to=2026-01-01T00:01:00Z", 400);
        Assert.Equal("ask for at most 1440 windows of 60 s at a time.",
            (await Host.Get("/api/experiments/exp-srm/live-split?from=2026-01-01T00:00:00Z&to=2026-01-02T00:01:00Z", 400))!["detail"]!.GetValue<string>());
        Assert.Empty((await Host.Get("/api/experiments/exp-srm/live-split"))!["windows"]!.AsArray());
    }

    private static (double ChiSquare, int Df, double P, bool Mismatch) Figures(System.Text.Json.Nodes.JsonNode window) =>
        (window["chiSquare"]!.GetValue<double>(), window["degreesOfFreedom"]!.GetValue<int>(), window["p"]!.GetValue<double>(),
            window["mismatch"]!.GetValue<bool>());
}
