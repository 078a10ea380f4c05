using System.Globalization;
using System.Text.Json.Nodes;
using Bunit;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager;
using SelfLearn.Web.Catalog;

namespace SelfLearn.Api.Tests.Web.Catalog;

public sealed class CatalogPageTests(AppFixture fixture) : PageTest(fixture)
{
    private static string Text(JsonNode? value) =>
        value is null ? "—" : value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    [Fact]
    public async Task Shows_every_factors_zone_and_bounds_and_the_default_policy_as_the_api_serves_them_and_an_auditor_no_write_controls()
    {
        var catalog = (await Host.Get("/api/impact-factors"))!.AsArray();
        var policy = await Host.Get("/api/deployments/default/autonomy");

        var page = RenderPage<CatalogPage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);

        Assert.Equal(catalog.Count, page.FindAll("[data-testid=catalog] tbody tr").Count);
        foreach (var factor in catalog)
        {
            var row = page.Find($"[data-testid=catalog] tr[data-factor='{factor!["key"]!.GetValue<string>()}']");
            Assert.Equal(factor["zone"]!.GetValue<string>(), row.QuerySelector("[data-cell=zone]")!.TextContent.Trim());
            Assert.Equal(Text(factor["bounds"]!["min"]), row.QuerySelector("[data-cell=min]")!.TextContent.Trim());
            Assert.Equal(Text(factor["bounds"]!["max"]), row.QuerySelector("[data-cell=max]")!.TextContent.Trim());
            Assert.Equal(Text(factor["default"]), row.QuerySelector("[data-cell=default]")!.TextContent.Trim());
        }
        Assert.Contains("default", page.Find("[data-testid=policy-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal(policy!["policy"]!["activations"]!["max"]!.ToJsonString(), page.Find("[data-testid=activations-limit]").TextContent);
        Assert.Equal(policy["policy"]!["rollbacks"]!["max"]!.ToJsonString(), page.Find("[data-testid=rollbacks-limit]").TextContent);
        Assert.Equal(policy["policy"]!["autonomous"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()),
            page.FindAll("[data-testid=autonomous] tbody tr").Select(r => r.GetAttribute("data-factor")));
        Assert.NotNull(page.Find("[data-testid=empty]"));
        Assert.Empty(page.FindAll("[data-testid=save-policy]"));
        Assert.Empty(page.FindAll("input"));
    }

    [Fact]
    public async Task Always_approve_and_a_reason_typed_into_the_form_set_the_policy_and_the_history_shows_it()
    {
        var defaults = (await Host.Get("/api/deployments/default/autonomy"))!["policy"]!["autonomous"]!.AsArray()
            .Select(f => f!["key"]!.GetValue<string>()).ToList();
        var before = await Host.EventCount();

        var page = RenderPage<CatalogPage>();
        WaitUntilLoaded(page);
        Assert.Equal(("Always approve", "Reason", "Save policy"), (page.Find("label[for=always-approve]").TextContent.Trim(),
            page.Find("label[for=policy-reason]").TextContent.Trim(), page.Find("[data-testid=save-policy]").TextContent.Trim()));
        await page.Type("#always-approve", "retrieval.top_k");
        await page.Type("#policy-reason", "a human looks at top_k changes");
        await page.ClickOn("[data-testid=save-policy]");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#policy-v1")), TimeSpan.FromSeconds(30));
        Assert.Equal(before + 1, await Host.EventCount());
        var policy = (await Host.Get("/api/deployments/default/autonomy"))!;
        Assert.Equal((1, "a human looks at top_k changes"), (policy["policyVersion"]!.GetValue<int>(), policy["reason"]!.GetValue<string>()));
        Assert.Equal(["retrieval.top_k"], policy["policy"]!["alwaysApprove"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal(defaults.Where(k => k != "retrieval.top_k"), policy["policy"]!["autonomous"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()));
        Assert.Equal("retrieval.top_k", page.Find("[data-testid=always-approve]").TextContent);
        Assert.Equal("a human looks at top_k changes", page.Find("#policy-v1 [data-cell=reason]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=policy-version]").TextContent);
    }

    [Fact]
    public async Task A_narrower_bound_is_saved_and_a_second_save_sends_the_new_expected_version()
    {
        var page = RenderPage<CatalogPage>();
        WaitUntilLoaded(page);
        await page.Type("#max-retrieval-top_k", "6");
        await page.Type("#policy-reason", "small contexts");
        await page.ClickOn("[data-testid=save-policy]");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#policy-v1")), TimeSpan.FromSeconds(30));

        await page.Type("#activations-max", "1");
        await page.Type("#policy-reason", "one activation a day");
        await page.ClickOn("[data-testid=save-policy]");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#policy-v2")), TimeSpan.FromSeconds(30));

        var first = (await Host.Get("/api/deployments/default/autonomy?version=1"))!["policy"]!;
        var second = (await Host.Get("/api/deployments/default/autonomy?version=2"))!["policy"]!;
        Assert.Equal(6, first["autonomous"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == "retrieval.top_k")!["max"]!.GetValue<decimal>());
        Assert.Equal(6, second["autonomous"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == "retrieval.top_k")!["max"]!.GetValue<decimal>());
        Assert.Equal((3, 1), (first["activations"]!["max"]!.GetValue<int>(), second["activations"]!["max"]!.GetValue<int>()));
        Assert.Equal("6", page.Find("[data-testid=autonomous] tr[data-factor='retrieval.top_k'] [data-cell=max]").TextContent);
    }

    [Fact]
    public async Task A_bound_wider_than_the_catalog_shows_the_apis_problem_text_and_writes_nothing()
    {
        var catalogMax = (await Host.Get("/api/impact-factors/retrieval.top_k"))!["bounds"]!["max"]!.GetValue<decimal>();
        var wider = (catalogMax + 10).ToString(CultureInfo.InvariantCulture);
        var problem = await Host.Put("/api/deployments/default/autonomy",
            new { autonomous = new[] { new { key = "retrieval.top_k", max = catalogMax + 10 } }, reason = "too bold", expectedVersion = 0 }, 400);
        var before = await Host.EventCount();

        var page = RenderPage<CatalogPage>();
        WaitUntilLoaded(page);
        await page.Type("#max-retrieval-top_k", wider);
        await page.Type("#policy-reason", "too bold");
        await page.ClickOn("[data-testid=save-policy]");

        page.WaitForAssertion(() => Assert.Equal($"{problem!["title"]!.GetValue<string>()}: {problem["detail"]!.GetValue<string>()}",
            page.Find("[data-testid=problem]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Saving_over_a_policy_set_since_the_page_read_it_shows_the_apis_conflict_and_writes_nothing()
    {
        var page = RenderPage<CatalogPage>();
        WaitUntilLoaded(page);
        var body = new { autonomous = Array.Empty<object>(), reason = "someone else", expectedVersion = 0 };
        await Host.Put("/api/deployments/default/autonomy", body, 200);
        var conflict = (await Host.Put("/api/deployments/default/autonomy", body, 409))!;
        var before = await Host.EventCount();

        await page.Type("#policy-reason", "mine");
        await page.ClickOn("[data-testid=save-policy]");

        page.WaitForAssertion(() => Assert.Equal($"{conflict["title"]!.GetValue<string>()}: {conflict["detail"]!.GetValue<string>()}",
            page.Find("[data-testid=problem]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Equal(before, await Host.EventCount());
    }
}
