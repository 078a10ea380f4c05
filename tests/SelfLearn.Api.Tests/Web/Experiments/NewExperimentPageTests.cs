using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Web.Experiments;

namespace SelfLearn.Api.Tests.Web.Experiments;

public sealed class NewExperimentPageTests(AppFixture fixture) : PageTest(fixture)
{
    [Fact]
    public async Task Registering_a_design_writes_it_through_the_api_and_opens_its_page()
    {
        var version = await Host.CreateAndActivate("retrieval.top_k", 3);
        var page = RenderPage<NewExperimentPage>();
        WaitUntilLoaded(page);

        await page.Type("#experiment-id", "exp-from-form");
        await page.Type("#hypothesis", "Three items are enough");
        await page.Type("#variant-0-version", "1");
        await page.ClickOn("button[data-testid=add-primary]");
        await page.Type("#primary-0-metric", "retrieval.delivered_recall");
        await page.Type("#primary-0-effect", "0.05");
        await page.ClickOn("button[data-testid=add-guard]");
        await page.Type("#guard-0-metric", "latency.total_ms");
        await page.Type("#guard-0-relative", "0.1");
        await page.Type("#segments", "kind:single-hop, kind:temporal");
        await page.ClickOn("button[data-testid=register]");

        page.WaitForAssertion(() => Assert.EndsWith("/experiments/exp-from-form", CurrentUri, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var served = (await Host.Get("/api/experiments/exp-from-form"))!;
        var design = served["design"]!;
        Assert.Equal([("control", 1, "baseline"), ("treatment", version, "treatment")],
            served["variants"]!.AsArray().Select(v => (v!["name"]!.GetValue<string>(), v["configVersion"]!.GetValue<int>(), v["role"]!.GetValue<string>())));
        Assert.Equal("Three items are enough", design["hypothesis"]!["text"]!.GetValue<string>());
        Assert.Equal(("retrieval.delivered_recall", 0.05, "absolute"), (design["primaryMetrics"]![0]!["metric"]!.GetValue<string>(),
            design["primaryMetrics"]![0]!["minimumEffect"]!["value"]!.GetValue<double>(), design["primaryMetrics"]![0]!["minimumEffect"]!["scale"]!.GetValue<string>()));
        Assert.Equal(("latency.total_ms", 0.1), (design["guardMetrics"]![0]!["metric"]!.GetValue<string>(), design["guardMetrics"]![0]!["maxRelativeDegradation"]!.GetValue<double>()));
        Assert.Equal(["kind:single-hop", "kind:temporal"], design["segments"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task A_refused_design_shows_the_api_problem_text_and_registers_nothing()
    {
        var page = RenderPage<NewExperimentPage>();
        WaitUntilLoaded(page);
        var before = await Host.EventCount();

        await page.Type("#experiment-id", "exp-bad-form");
        await page.ClickOn("button[data-testid=add-primary]");
        await page.Type("#primary-0-metric", "retrieval.recall@7");
        await page.Type("#primary-0-effect", "0.1");
        await page.ClickOn("button[data-testid=register]");

        var refused = await Host.PostRaw("/api/experiments",
            """{"id":"exp-bad-form","deploymentId":"default","variants":[{"name":"control","configVersion":1,"role":"baseline"},{"name":"treatment","configVersion":1,"role":"treatment"}],"primaryMetrics":[{"metric":"retrieval.recall@7","minimumEffect":{"value":0.1,"scale":"absolute"}}]}""", 400);
        page.WaitForAssertion(() => Assert.Equal($"{refused!["title"]}: {refused["detail"]}", page.Find("[data-testid=problem]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Equal(before, await Host.EventCount());
        await Host.Get("/api/experiments/exp-bad-form", 404);
    }

    [Fact]
    public void An_auditor_gets_no_form()
    {
        var page = RenderPage<NewExperimentPage>(key: Keys.Auditor, role: "auditor");

        Assert.Equal("Only a meta-user designs experiments.", page.Find("[data-testid=read-only]").TextContent);
        Assert.Empty(page.FindAll("button[data-testid=register], #experiment-id"));
    }
}
