using System.Globalization;
using System.Text.Json.Nodes;
using Bunit;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager;
using SelfLearn.Api.Tests.Teacher.Online;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Web.Online;

namespace SelfLearn.Api.Tests.Web.Online;

/// <summary>The online page's windows, charts with the rules' limits, and feedback, read by an auditor.</summary>
public sealed class OnlineWindowsPageTests(AppFixture fixture) : PageTest(fixture)
{
    [Fact]
    public async Task The_windows_are_charted_and_tabled_as_the_api_serves_them_with_an_absolute_rules_limit_and_no_write_control()
    {
        await Host.Put("/api/deployments/default/rules/error-ceiling",
            new { metric = "error.rate", comparison = "absolute", limit = 0.2, windows = 2, reason = "never more than 20 % failed requests" }, 200);
        var version = await Host.CreateAndActivate("retrieval.top_k", 3);
        var t0 = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds() / 60 * 60);
        await Host.InsertAsync(
            OnlineWindowRows.Figure(1, t0, "error.rate", 40, 4),
            OnlineWindowRows.Figure(version, t0.AddMinutes(1), "error.rate", 50, 10),
            new WindowFigure("default", version, "exp-x", "a", t0.AddMinutes(1), "error.rate", 10, 5, 5),
            OnlineWindowRows.Figure(version, t0.AddMinutes(1), "feedback.rating", 8, 30));
        var windows = (await Host.Get($"/api/deployments/default/online/windows?from={Instant(t0)}"))!["windows"]!.AsArray();

        var page = RenderPage<OnlinePage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);

        var errors = windows.Where(w => Text(w, "metric") == "error.rate").ToList();
        Assert.Equal(3, errors.Count);
        var rows = page.FindAll("[data-testid='metric-error.rate'] [data-testid=window-row]");
        Assert.Equal(errors.Select(w => (w!["configVersion"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), w["n"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture),
                Show(w["mean"]!.GetValue<double>()))),
            rows.Select(r => (r.GetAttribute("data-version")!, r.QuerySelector("[data-field=n]")!.TextContent.Trim(), r.QuerySelector("[data-field=mean]")!.TextContent.Trim())));

        var chart = page.Find("svg[data-testid='chart-error.rate']");
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal("0.2", chart.QuerySelector("line[data-rule=error-ceiling]")!.GetAttribute("data-limit"));
        // version 2's window pools its two rows (outside and inside the experiment): count and sum added up
        var pooled = errors.Where(w => w!["configVersion"]!.GetValue<int>() == version).ToList();
        var pooledMean = pooled.Sum(w => w!["sum"]!.GetValue<double>()) / pooled.Sum(w => w!["n"]!.GetValue<long>());
        Assert.Contains($"n {pooled.Sum(w => w!["n"]!.GetValue<long>())} · mean {Show(pooledMean)}",
            chart.QuerySelector($"g[data-version='{version}'] circle title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, chart.QuerySelectorAll("circle").Length);

        var rating = windows.Single(w => Text(w, "metric") == "feedback.rating")!;
        var feedback = page.Find($"[data-testid=feedback] tr[data-metric='feedback.rating'][data-version='{version}']");
        Assert.Equal((rating["n"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture), Show(rating["sum"]!.GetValue<double>() / rating["n"]!.GetValue<long>())),
            (feedback.QuerySelector("[data-field=n]")!.TextContent.Trim(), feedback.QuerySelector("[data-field=mean]")!.TextContent.Trim()));

        Assert.Equal("mean worse than 0.2", page.Find("[data-testid=rules] tr[data-rule=error-ceiling] [data-field=condition]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=rule-form], [data-testid=rules-evaluate], [data-testid^=delete-]"));
    }

    private static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));

    private static string Text(JsonNode? node, string name) => node![name]!.GetValue<string>();

    private static string Show(double value) => Math.Round(value, 6).ToString(CultureInfo.InvariantCulture);
}
