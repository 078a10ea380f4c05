using System.Text.Json.Nodes;
using Bunit;
using static SelfLearn.Api.Tests.Web.PageControls;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager;
using SelfLearn.Web.Online;

namespace SelfLearn.Api.Tests.Web.Online;

/// <summary>The degradation rules on the online page, written by a meta-user through the API.</summary>
public sealed class OnlineRulesPageTests(AppFixture fixture) : PageTest(fixture)
{
    private const string Rules = "/api/deployments/default/rules";

    [Fact]
    public async Task A_meta_user_sets_a_rule_through_the_form_and_deletes_it()
    {
        var page = RenderPage<OnlinePage>();
        WaitUntilLoaded(page);

        await page.Fill("rule-name", "latency");
        await page.Fill("rule-metric", "latency.total_ms");
        await page.Fill("rule-maxdrop", "0.5");
        await page.Fill("rule-windows", "2");
        await page.Fill("rule-reason", "no more than 50 % slower");
        await page.Press("rule-save");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=rules] tr[data-rule=latency]")), Wait);
        var rule = (await Host.Get(Rules))!["global"]!.AsArray().Single()!;
        Assert.Equal(("latency", "latency.total_ms", 0.5, 2, "relative"), (rule["name"]!.GetValue<string>(), rule["rule"]!["metric"]!.GetValue<string>(),
            rule["rule"]!["maxDrop"]!.GetValue<double>(), rule["rule"]!["windows"]!.GetValue<int>(), rule["rule"]!["comparison"]!.GetValue<string>()));

        await page.Fill("rule-reason", "covered by another rule");
        await page.Press("delete-latency");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=rules] tr[data-rule=latency]")), Wait);
        Assert.Empty((await Host.Get(Rules))!["global"]!.AsArray());
    }

    [Fact]
    public async Task A_refused_rule_shows_the_apis_problem_and_writes_nothing()
    {
        var page = RenderPage<OnlinePage>();
        WaitUntilLoaded(page);
        var before = await Host.EventCount();
        var problem = (await Host.Put($"{Rules}/slow",
            new { metric = "answer.slowness", comparison = "relative", maxDrop = 0.1, windows = 2, reason = "r", expectedVersion = 0 }, 400))!;

        await page.Fill("rule-name", "slow");
        await page.Fill("rule-metric", "answer.slowness");
        await page.Fill("rule-maxdrop", "0.1");
        await page.Fill("rule-windows", "2");
        await page.Fill("rule-reason", "r");
        await page.Press("rule-save");

        page.WaitForAssertion(() => Assert.Equal($"{Text(problem, "title")}: {Text(problem, "detail")}", page.Find("[data-testid=problem]").TextContent.Trim()), Wait);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Evaluate_now_shows_the_evaluations_report()
    {
        await Host.Put($"{Rules}/error-ceiling", new { metric = "error.rate", comparison = "absolute", limit = 0.2, windows = 1, minSamples = 1, reason = "r" }, 200);
        var version = await Host.CreateAndActivate("retrieval.top_k", 3);
        var page = RenderPage<OnlinePage>();
        WaitUntilLoaded(page);

        await page.Press("rules-evaluate");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=evaluation-action]")), Wait);
        var report = (await Host.PostWithoutBody($"{Rules}/evaluate", 200))!;
        Assert.Equal((Text(report, "action"), version), (page.Find("[data-testid=evaluation-action]").TextContent.Trim(), report["configVersion"]!.GetValue<int>()));
        Assert.Equal(Text(report, "detail"), page.Find("[data-testid=evaluation-detail]").TextContent.Trim());
    }

    private static string Text(JsonNode node, string name) => node[name]!.GetValue<string>();
}
