using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bunit;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Web.Experiments;

namespace SelfLearn.Api.Tests.Web.Experiments;

public sealed class ExperimentPageTests(AppFixture fixture) : PageTest(fixture)
{
    [Fact]
    public async Task Shows_the_design_its_hash_and_planned_sample_size_as_the_api_serves_them()
    {
        await Host.Post("/api/experiments", ExperimentPageData.Design("exp-page"), 201);
        var served = (await Host.Get("/api/experiments/exp-page"))!;

        var page = RenderPage<ExperimentPage>(p => p.Add(x => x.Id, "exp-page"), Keys.Auditor, "auditor");
        WaitUntilLoaded(page);

        var design = served["design"]!;
        var planned = design["plannedSampleSize"]!;
        Assert.Equal("designed", page.Find("[data-testid=status]").TextContent.Trim());
        Assert.Equal(served["designSha256"]!.GetValue<string>(), page.Find("[data-testid=design-sha]").TextContent);
        Assert.Equal(design["hypothesis"]!["text"]!.GetValue<string>(), page.Find("[data-testid=hypothesis]").TextContent.Trim());
        Assert.Equal("0.05 / 0.8", page.Find("[data-testid=alpha-power]").TextContent);
        Assert.Equal($"{planned["perVariant"]} per variant (retrieval.delivered_recall: {planned["byMetric"]![0]!["perVariant"]})",
            page.Find("[data-testid=planned]").TextContent.Trim());
        Assert.Equal(served["version"]!.ToString(), page.Find("[data-testid=version]").TextContent);
        Assert.Equal(["50 %", "50 %"], page.FindAll("[data-testid=share]").Select(c => c.TextContent));
    }

    [Fact]
    public async Task An_auditor_sees_no_lifecycle_or_evaluate_control()
    {
        await Host.Post("/api/experiments", ExperimentPageData.Design("exp-page"), 201);

        var page = RenderPage<ExperimentPage>(p => p.Add(x => x.Id, "exp-page"), Keys.Auditor, "auditor");
        WaitUntilLoaded(page);

        Assert.NotEmpty(page.FindAll("[data-testid=design-sha]"));
        Assert.Empty(page.FindAll("[data-testid=lifecycle]"));
        Assert.Empty(page.FindAll("button[data-testid=start], button[data-testid=evaluate], button[data-testid=abort]"));
    }

    [Fact]
    public async Task Start_then_complete_perform_the_steps_with_the_reason_given()
    {
        await Host.Post("/api/experiments", ExperimentPageData.Design("exp-page"), 201);
        var page = RenderPage<ExperimentPage>(p => p.Add(x => x.Id, "exp-page"));
        WaitUntilLoaded(page);

        await page.Type("#step-reason", "the design is reviewed");
        await page.ClickOn("button[data-testid=start]");
        page.WaitForAssertion(() => Assert.Equal("started", page.Find("[data-testid=status]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        await page.ClickOn("button[data-testid=complete]");
        page.WaitForAssertion(() => Assert.Equal("completed", page.Find("[data-testid=status]").TextContent.Trim()), TimeSpan.FromSeconds(30));

        var served = (await Host.Get("/api/experiments/exp-page"))!;
        Assert.Equal("completed", served["status"]!.GetValue<string>());
        Assert.Equal([("designed", null), ("started", "the design is reviewed"), ("completed", null)],
            served["transitions"]!.AsArray().Select(t => (t!["status"]!.GetValue<string>(), t["reason"]?.GetValue<string>())));
        Assert.Equal(served["transitions"]!.AsArray().Select(t => t!["status"]!.GetValue<string>()),
            page.FindAll("tr[data-transition]").Select(r => r.GetAttribute("data-transition")));
        Assert.True(page.Find("button[data-testid=start]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_started_experiment_ended_elsewhere_shows_its_new_status_without_a_reload()
    {
        await Host.Post("/api/experiments", ExperimentPageData.Design("exp-page"), 201);
        await Host.Post("/api/experiments/exp-page/start", new { reason = "go" }, 200);
        var page = RenderPage<ExperimentPage>(p => p.Add(x => x.Id, "exp-page"), Keys.Auditor, "auditor");
        WaitUntilLoaded(page);
        Assert.Equal("started", page.Find("[data-testid=status]").TextContent.Trim());

        await Host.Post("/api/experiments/exp-page/stop", new { reason = "guard breached elsewhere" }, 200);

        page.WaitForAssertion(() => Assert.Equal("stopped", page.Find("[data-testid=status]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Equal("guard breached elsewhere", page.Find("tr[data-transition=stopped] td:last-child").TextContent);
    }

    [Fact]
    public async Task A_refused_evaluation_shows_the_api_problem_text_and_appends_nothing()
    {
        await Host.Post("/api/experiments", ExperimentPageData.Design("exp-page"), 201);
        var page = RenderPage<ExperimentPage>(p => p.Add(x => x.Id, "exp-page"));
        WaitUntilLoaded(page);
        var before = await Host.EventCount();

        await page.ClickOn("button[data-testid=evaluate]");

        var problem = await ProblemOf(HttpMethod.Post, "/api/experiments/exp-page/evaluate");
        page.WaitForAssertion(() => Assert.Equal(problem, page.Find("[data-testid=action-problem]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Equal(before, await Host.EventCount());
        Assert.Contains("Not evaluated yet: no verdict.", page.FindAll("[data-testid=empty]").Select(e => e.TextContent));
    }

    [Fact]
    public async Task An_unknown_experiment_shows_the_api_problem_text()
    {
        var page = RenderPage<ExperimentPage>(p => p.Add(x => x.Id, "exp-nope"), Keys.Auditor, "auditor");

        var problem = await ProblemOf(HttpMethod.Get, "/api/experiments/exp-nope");
        page.WaitForAssertion(() => Assert.Equal(problem, page.Find("[data-testid=problem]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Empty(page.FindAll("[data-testid=design-sha]"));
    }

    /// <summary>"title: detail" of the API's refusal of the same request, read straight from the API.</summary>
    private async Task<string> ProblemOf(HttpMethod method, string url)
    {
        using var client = Host.Server.CreateClient();
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Api-Key", Keys.MetaUser);
        using var response = await client.SendAsync(request);
        Assert.False(response.IsSuccessStatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return $"{problem["title"]}: {problem["detail"]}";
    }
}
