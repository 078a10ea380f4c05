using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Experiments.Live;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Tests.Experiments;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>The monitor tests a running online experiment's last closed window and raises one alert per mismatched window.</summary>
public sealed class SampleRatioAlertTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_window_off_the_planned_split_raises_one_alert_with_its_figures()
    {
        var fewer = await Host.CreateFewerItemsVersion();
        await Host.RegisterExperiment("exp-srmw", fewer, weights: [1, 3]);
        await Host.Transition("exp-srmw", "start");
        var start = new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
        var telemetry = Host.Services.GetRequiredService<TelemetryWriter>();
        // 20 control and 20 fewer units where 10 and 30 were planned: χ² = 13.33, p = 0.00026
        for (var i = 0; i < 20; i++)
            foreach (var variant in LiveTraffic.Variants)
                telemetry.Enqueue(new PipelineRun(Guid.CreateVersion7(), start.AddSeconds(i + 1), "default", 1, "exp-srmw", variant, "online", null, null,
                    $"{variant}-{i}", null, "q", "a", false, [], [], [], [], [], 0, 0, new Dictionary<string, double> { ["total"] = 1 }, null));
        await telemetry.FlushAsync(TestContext.Current.CancellationToken);
        var watch = new WatchSampleRatio(Fixture.Store, Host.Services.GetRequiredService<LiveSampleRatio>(), Options.Create(new OnlineOptions()),
            new FixedTime(start.AddSeconds(90)));

        var alert = Assert.Single(await watch.RunAsync("default", TestContext.Current.CancellationToken));
        var events = await Host.EventCount();
        var again = await watch.RunAsync("default", TestContext.Current.CancellationToken);

        Assert.Equal($"srm-exp-srmw-{start.ToUnixTimeSeconds()}", alert.AlertId);
        Assert.Empty(again);
        Assert.Equal(events, await Host.EventCount());
        var stored = await Host.Get($"/api/alerts/{alert.AlertId}");
        Assert.Equal(("sampleRatioMismatch", "exp-srmw", "default"), (stored!["kind"]!.GetValue<string>(), stored["subject"]!.GetValue<string>(),
            stored["deploymentId"]!.GetValue<string>()));
        Assert.Equal(40.0 / 3, stored["evidence"]!["chiSquare"]!.GetValue<double>(), 9);
        Assert.Equal([20L, 20L], stored["evidence"]!["variants"]!.AsArray().Select(v => v!["units"]!.GetValue<long>()));
        Assert.Empty(await new WatchSampleRatio(Fixture.Store, Host.Services.GetRequiredService<LiveSampleRatio>(), Options.Create(new OnlineOptions()),
            new FixedTime(start.AddSeconds(150))).RunAsync("default", TestContext.Current.CancellationToken)); // the mismatched window again (raised before) and an empty one
    }

    [Fact]
    public async Task Without_a_running_online_experiment_nothing_is_checked()
    {
        var watch = Host.Services.GetRequiredService<WatchSampleRatio>();

        Assert.Empty(await watch.RunAsync("default", TestContext.Current.CancellationToken));
    }
}
