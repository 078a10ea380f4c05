using System.Globalization;
using Bunit;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Web.Tuner;

namespace SelfLearn.Api.Tests.Web.Tuner;

public sealed class HistoryPagesTests(AppFixture fixture) : PageTest(fixture)
{
    [Fact]
    public async Task The_timeline_lists_every_activation_and_a_version_or_an_earlier_moment_shows_its_configuration()
    {
        var second = await Host.CreateAndActivate("retrieval.top_k", 8);
        var activations = (await Host.Get("/api/deployments/default/activations"))!.AsArray();
        var firstFrom = activations[^1]!["validFrom"]!.GetValue<DateTimeOffset>();

        var page = RenderPage<DeploymentHistoryPage>(p => p.Add(h => h.DeploymentId, "default"), Keys.Auditor, "auditor");
        WaitUntilLoaded(page);
        Assert.Equal(activations.Count, page.FindAll("[data-testid=activations] tbody tr").Count);
        Assert.Equal(second.ToString(CultureInfo.InvariantCulture), page.Find("[data-testid=shown-version]").TextContent);

        NavigateTo($"/deployments/default?asOf={Uri.EscapeDataString(firstFrom.AddMilliseconds(1).ToString("O", CultureInfo.InvariantCulture))}");
        var asOf = RenderPage<DeploymentHistoryPage>(p => p.Add(h => h.DeploymentId, "default"), Keys.Auditor, "auditor");
        WaitUntilLoaded(asOf);
        var then = (await Host.Get($"/api/deployments/default/config?asOf={Uri.EscapeDataString(firstFrom.AddMilliseconds(1).ToString("O", CultureInfo.InvariantCulture))}"))!;
        Assert.Equal(then["configVersion"]!.ToJsonString(), asOf.Find("[data-testid=shown-version]").TextContent);
        Assert.Equal(then["parameters"]!["retrieval.top_k"]!.ToJsonString(), asOf.Find("tr[data-factor='retrieval.top_k'] td:last-child").TextContent.Trim());
    }

    [Fact]
    public async Task Comparing_two_versions_lists_what_differs_and_a_bad_point_shows_the_apis_problem()
    {
        var second = await Host.CreateAndActivate("retrieval.top_k", 8);
        var page = RenderPage<DeploymentHistoryPage>(p => p.Add(h => h.DeploymentId, "default"));
        WaitUntilLoaded(page);

        await page.Type("input[type=text]", "1");
        await page.Type("input[type=text]", second.ToString(CultureInfo.InvariantCulture), index: 1);
        await page.ClickButton("Compare");
        var diff = (await Host.Get($"/api/deployments/default/diff?from=1&to={second}"))!["changes"]!.AsArray();
        page.WaitForAssertion(() => Assert.Equal(diff.Select(c => c!["key"]!.GetValue<string>()),
            page.FindAll("[data-testid=diff] tbody tr").Select(r => r.GetAttribute("data-factor"))), TimeSpan.FromSeconds(30));

        await page.Type("input[type=text]", "yesterday", index: 1);
        await page.ClickButton("Compare");
        var refusal = (await Host.Get("/api/deployments/default/diff?from=1&to=yesterday", 400))!;
        page.WaitForAssertion(() => Assert.Equal($"{refusal["title"]}: {refusal["detail"]}", page.Find("[data-testid=diff-problem]").TextContent.Trim()), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_why_chain_shows_the_events_behind_a_factors_value()
    {
        var version = await Host.CreateAndActivate("retrieval.top_k", 8);
        var page = RenderPage<WhyPage>(p => p.Add(w => w.DeploymentId, "default").Add(w => w.Factor, "retrieval.top_k"), Keys.Auditor, "auditor");
        WaitUntilLoaded(page);

        var chain = (await Host.Get("/api/deployments/default/why/retrieval.top_k"))!["chain"]!.AsArray();
        Assert.Equal(chain.Select(s => $"{s!["event"]}@{s["sequence"]}"),
            page.FindAll("[data-testid=why-chain] tbody tr").Select(r => $"{r.GetAttribute("data-event")}@{r.GetAttribute("data-sequence")}"));
        Assert.Contains($"active version {version}", page.Find("[data-testid=why-value]").TextContent, StringComparison.Ordinal);
    }
}
