using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Web.Experiments;

namespace SelfLearn.Api.Tests.Web.Experiments;

public sealed class ExperimentsPageTests(AppFixture fixture) : PageTest(fixture)
{
    [Fact]
    public async Task Lists_every_experiment_with_the_status_and_variants_the_api_serves_and_no_write_control_for_an_auditor()
    {
        await Host.Post("/api/experiments", ExperimentPageData.Design("exp-list-a"), 201);
        await Host.Post("/api/experiments", ExperimentPageData.Design("exp-list-b"), 201);
        await Host.Post("/api/experiments/exp-list-b/start", new { reason = "go" }, 200);
        var served = (await Host.Get("/api/experiments"))!.AsArray();

        var page = RenderPage<ExperimentsPage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);

        Assert.Equal(served.Count, page.FindAll("tr[data-experiment]").Count);
        foreach (var experiment in served)
        {
            var row = page.Find($"tr[data-experiment='{experiment!["experimentId"]!.GetValue<string>()}']");
            Assert.Equal(experiment["status"]!.GetValue<string>(), row.QuerySelector("[data-testid=status]")!.TextContent.Trim());
            Assert.Equal(string.Join(", ", experiment["variants"]!.AsArray().Select(v => $"{v!["name"]} (v{v["configVersion"]})")),
                row.QuerySelector("[data-testid=variants]")!.TextContent);
        }
        Assert.Equal(["started", "designed"], served.Select(e => e!["status"]!.GetValue<string>()));
        Assert.Empty(page.FindAll("[data-testid=new-experiment]"));
    }

    [Fact]
    public async Task A_meta_user_gets_the_link_to_design_one_and_an_empty_list_says_so()
    {
        var page = RenderPage<ExperimentsPage>();
        WaitUntilLoaded(page);

        Assert.Equal("No experiment yet.", page.Find("[data-testid=empty]").TextContent);
        Assert.Equal("/experiments/new", page.Find("[data-testid=new-experiment]").GetAttribute("href"));
        Assert.Empty((await Host.Get("/api/experiments"))!.AsArray());
    }

    [Fact]
    public async Task The_status_in_the_address_filters_the_list_and_an_unknown_one_shows_the_api_problem_text()
    {
        await Host.Post("/api/experiments", ExperimentPageData.Design("exp-list-a"), 201);
        await Host.Post("/api/experiments", ExperimentPageData.Design("exp-list-b"), 201);
        await Host.Post("/api/experiments/exp-list-b/start", new { reason = "go" }, 200);
        var started = (await Host.Get("/api/experiments?status=started"))!.AsArray().Select(e => e!["experimentId"]!.GetValue<string>());
        var refused = (await Host.Get("/api/experiments?status=running", 400))!;

        var page = RenderPage<ExperimentsPage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);
        NavigateTo("/experiments?status=started");
        page.WaitForAssertion(() => Assert.Equal(started, page.FindAll("tr[data-experiment]").Select(r => r.GetAttribute("data-experiment"))), TimeSpan.FromSeconds(30));
        NavigateTo("/experiments?status=running");
        page.WaitForAssertion(() => Assert.Equal($"{refused["title"]}: {refused["detail"]}", page.Find("[data-testid=problem]").TextContent.Trim()), TimeSpan.FromSeconds(30));

        Assert.Equal(["exp-list-b"], started);
    }
}
