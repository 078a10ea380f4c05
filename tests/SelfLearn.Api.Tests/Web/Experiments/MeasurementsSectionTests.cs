using System.Globalization;
using System.Text.Json.Nodes;
using Bunit;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Web.Experiments;

namespace SelfLearn.Api.Tests.Web.Experiments;

/// <summary>The runs so far (GET results) variant beside variant, and an online experiment's live split with its χ² check.</summary>
public sealed class MeasurementsSectionTests(AppFixture fixture) : PageTest(fixture)
{
    [Fact]
    public async Task A_running_online_experiment_shows_each_variants_measurements_and_its_live_split_as_served()
    {
        await Host.Post("/api/experiments", ExperimentPageData.Design("exp-live-page", mode: "online"), 201);
        await Host.Post("/api/experiments/exp-live-page/start", new { reason = "go" }, 200);
        await Host.StoreOnlineRunsAsync("exp-live-page");
        var aggregates = (await Host.Get("/api/experiments/exp-live-page/results"))!["aggregates"]!.AsArray().Select(a => a!).ToList();
        var windows = (await Host.Get("/api/experiments/exp-live-page/live-split"))!["windows"]!.AsArray().Select(w => w!)
            .Where(w => w["totalUnits"]!.GetValue<long>() > 0).ToList();

        var page = RenderPage<ExperimentPage>(p => p.Add(x => x.Id, "exp-live-page"), Keys.Auditor, "auditor");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=live-split] tr[data-window]")), TimeSpan.FromSeconds(30));

        // The measurements and the live split load separately: wait for both.
        var table = page.WaitForElement("[data-testid=results][data-segment=all]", TimeSpan.FromSeconds(30));
        Assert.NotEmpty(aggregates);
        foreach (var aggregate in aggregates)
        {
            var count = aggregate["count"]!.GetValue<long>();
            var mean = count > 0 ? G4(aggregate["sum"]!.GetValue<double>() / count) : "—";
            var p95 = aggregate["p95"] is { } v ? G4(v.GetValue<double>()) : "—";
            Assert.Equal($"{mean}, {p95}, {count}",
                table.QuerySelector($"tr[data-metric='{aggregate["metric"]}'] td[data-variant='{aggregate["variant"]}']")!.TextContent);
        }
        Assert.Equal(windows.Select(w => w["start"]!.GetValue<DateTimeOffset>().ToUniversalTime().ToString("O")).Reverse(),
            page.FindAll("[data-testid=live-split] tr[data-window]").Select(r => r.GetAttribute("data-window")));
        foreach (var window in windows)
        {
            var row = page.Find($"[data-testid=live-split] tr[data-window='{window["start"]!.GetValue<DateTimeOffset>().ToUniversalTime():O}']");
            foreach (var variant in window["variants"]!.AsArray())
                Assert.Equal(variant!["units"]!.ToString(), row.QuerySelector($"td[data-variant='{variant["variant"]}']")!.TextContent);
        }
        Assert.Equal(24, windows.Sum(w => w["totalUnits"]!.GetValue<long>()));
    }

    [Fact]
    public async Task An_experiment_without_runs_says_so_instead_of_measurements()
    {
        await Host.Post("/api/experiments", ExperimentPageData.Design("exp-quiet"), 201);

        var page = RenderPage<ExperimentPage>(p => p.Add(x => x.Id, "exp-quiet"), Keys.Auditor, "auditor");
        WaitUntilLoaded(page);

        Assert.Contains("No runs yet: simulate it or send it traffic.", page.FindAll("[data-testid=empty]").Select(e => e.TextContent));
        Assert.Empty(page.FindAll("[data-testid=results]"));
        await Host.Get("/api/experiments/exp-quiet/results", 409);
    }

    private static string G4(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
