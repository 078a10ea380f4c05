using System.Globalization;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Bunit;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Teacher;
using SelfLearn.Web.Experiments;

namespace SelfLearn.Api.Tests.Web.Experiments;

public sealed class VerdictSectionTests(AppFixture fixture) : PageTest(fixture)
{
    [Fact]
    public async Task The_evaluate_button_records_a_verdict_and_the_page_shows_its_call_and_sample_ratio_check()
    {
        await Host.RegisterHandMadeExperimentAsync();
        var page = RenderPage<ExperimentPage>(p => p.Add(x => x.Id, HandMadeRuns.Experiment));
        WaitUntilLoaded(page);

        await page.ClickOn("button[data-testid=evaluate]");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=verdict-id]")), TimeSpan.FromSeconds(60));

        var verdict = (await Host.Get($"/api/experiments/{HandMadeRuns.Experiment}/verdict"))!;
        var result = verdict["result"]!;
        var treatment = result["treatments"]![0]!;
        var srm = result["sampleRatio"]!;
        Assert.Equal(verdict["verdictId"]!.GetValue<string>(), page.Find("[data-testid=verdict-id]").TextContent);
        var shown = page.Find($"[data-treatment='{treatment["variant"]}']");
        Assert.Equal(treatment["call"]!.GetValue<string>(), shown.QuerySelector("[data-testid=call]")!.TextContent.Trim());
        Assert.Equal(treatment["reasons"]!.AsArray().Select(r => r!.GetValue<string>()), shown.QuerySelectorAll("[data-testid=reasons] li").Select(li => li.TextContent));
        Assert.Equal(srm["variants"]!.AsArray().Select(v => v!.GetValue<string>()), page.FindAll("[data-testid=srm] tr[data-variant]").Select(r => r.GetAttribute("data-variant")));
        Assert.Equal(srm["runs"]!.AsArray().Select(r => r!.ToString()), page.FindAll("[data-testid=srm] tr[data-variant] td:last-child").Select(c => c.TextContent));
        Assert.Equal($"χ² = {G4(srm["chiSquare"])}, p = {G4(srm["p"])}: {(srm["isMismatch"]!.GetValue<bool>() ? "sample-ratio MISMATCH — the verdict is invalid" : "no mismatch")}",
            Normalised(page.Find("[data-testid=srm-result]").TextContent));
    }

    [Fact]
    public async Task Each_comparison_is_shown_as_served_and_charted_with_its_interval_and_the_verdict_reproduces()
    {
        await Host.Post("/api/experiments", ExperimentPageData.Design("exp-online-page", mode: "online"), 201);
        await Host.StoreOnlineRunsAsync("exp-online-page");
        await Host.PostWithoutBody("/api/experiments/exp-online-page/evaluate", 200);
        var treatment = (await Host.Get("/api/experiments/exp-online-page/verdict"))!["result"]!["treatments"]![0]!;

        var page = RenderPage<ExperimentPage>(p => p.Add(x => x.Id, "exp-online-page"), Keys.Auditor, "auditor");
        WaitUntilLoaded(page);

        var section = page.Find($"[data-treatment='{treatment["variant"]}']");
        var comparisons = treatment["metrics"]!.AsArray().Select(m => m!).Where(m => m["segment"]!.GetValue<string>() == "all").ToList();
        Assert.NotEmpty(comparisons);
        foreach (var comparison in comparisons)
        {
            var row = section.QuerySelector($"tr[data-metric='{comparison["metric"]}']")!;
            Assert.Equal($"{comparison["baselineCount"]} / {comparison["treatmentCount"]}", Cell(row, "counts"));
            Assert.Equal($"{G4(comparison["absoluteDelta"])} {Interval(comparison["absoluteInterval"], G4)}", Cell(row, "delta"));
            Assert.Equal($"{Percent(comparison["relativeDelta"])} {Interval(comparison["relativeInterval"], Percent)}", Cell(row, "relative"));
            Assert.Equal(G4(comparison["p"]), Cell(row, "p"));
        }
        var charted = comparisons.Where(c => c["absoluteInterval"] is not null && c["absoluteDelta"] is not null).Select(c => c["metric"]!.GetValue<string>()).ToList();
        Assert.Contains("latency.total_ms", charted);
        var chart = section.QuerySelector("svg[data-testid=comparison-chart][data-segment=all]")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal(charted, chart.QuerySelectorAll("g[data-metric]").Select(g => g.GetAttribute("data-metric")));
        Assert.Equal(treatment["breachedGuards"]!.AsArray().Count, section.QuerySelectorAll("[data-testid=breach]").Length);

        await page.ClickOn("button[data-testid=recompute]");
        var verdictId = (await Host.Get("/api/experiments/exp-online-page/verdict"))!["verdictId"]!.GetValue<string>();
        page.WaitForAssertion(() => Assert.Equal($"Verdict {verdictId} reproduces from its stored aggregates.", page.Find("[data-testid=reproduced]").TextContent.Trim()),
            TimeSpan.FromSeconds(30));
    }

    private static string Cell(IElement row, string testId) => Normalised(row.QuerySelector($"[data-testid={testId}]")!.TextContent);

    private static string Normalised(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static string G4(JsonNode? value) => value is null ? "—" : value.GetValue<double>().ToString("G4", CultureInfo.InvariantCulture);

    private static string Percent(JsonNode? fraction) => fraction is null ? "—"
        : (fraction.GetValue<double>() * 100).ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) + " %";

    private static string Interval(JsonNode? interval, Func<JsonNode?, string> format) =>
        interval is null ? "—" : $"[{format(interval["lower"])}, {format(interval["upper"])}]";
}
