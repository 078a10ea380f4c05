using System.Globalization;
using System.Text.Json.Nodes;
using Bunit;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Teacher.Search;
using SelfLearn.Web.Searches;
using SearchOutcome = SelfLearn.Domain.Teacher.Search.SearchOutcome;
using static SelfLearn.Api.Tests.Teacher.Search.SearchJournalling;

namespace SelfLearn.Api.Tests.Web.Searches;

public sealed class SearchPagesTests(AppFixture fixture) : PageTest(fixture)
{
    private static string Shown(JsonNode? number) => Math.Round(number!.GetValue<double>(), 4).ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> Trials(IEnumerable<JsonNode?> nodes, string field = "number") =>
        nodes.Select(n => n![field]!.GetValue<int>().ToString(CultureInfo.InvariantCulture));

    /// <summary>Trial 3 is dominated by trial 1, trial 4 is infeasible; 1, 2 and 5 each win on one of quality, tokens and latency.</summary>
    private async Task RecordFiveTrials(string id) => await Host.Record(Started(id),
        Trial(id, 1, 0.5, tokens: 800, latency: 3),
        Trial(id, 2, 0.6, tokens: 1200, latency: 4, topK: 6),
        Trial(id, 3, 0.4, tokens: 900, latency: 5, topK: 7),
        Trial(id, 4, 0.7, tokens: 1600, latency: 2, feasible: false, topK: 8),
        Trial(id, 5, 0.45, tokens: 600, latency: 6, topK: 9));

    [Fact]
    public async Task The_list_shows_each_search_as_the_api_serves_it_newest_first()
    {
        await RecordFiveTrials("search-one");
        await Host.Record(Started("search-two"), Trial("search-two", 1, 0.3));
        var completed = await Host.Journal().CompleteAsync(new SearchCompleted("search-two",
            new SearchOutcome(Trial("search-two", 1, 0.3).Parameters, 0.3, 0.28, 1), new SearchOutcome(Started("search-two").BaseParameters, 0.2, 0.2, null), 1, 400),
            Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(SelfLearn.Agents.Tuner.TunerStatus.Accepted, completed.Status);
        var searches = (await Host.Get("/api/searches"))!.AsArray();

        var page = RenderPage<SearchesPage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);

        var rows = page.FindAll("[data-testid=searches] tbody tr");
        Assert.Equal(searches.Select(s => s!["searchId"]!.GetValue<string>()), rows.Select(r => r.GetAttribute("data-search")));
        foreach (var (search, row) in searches.Zip(rows))
        {
            Assert.Equal(search!["status"]!.GetValue<string>(), row.QuerySelector("[data-cell=status]")!.TextContent.Trim());
            Assert.Equal($"{search["evaluations"]} / {search["budget"]}", row.QuerySelector("[data-cell=evaluations]")!.TextContent.Trim());
            Assert.Equal(search["feasibleEvaluations"]!.ToJsonString(), row.QuerySelector("[data-cell=feasible]")!.TextContent.Trim());
            Assert.Equal(Shown(search["bestSoFar"]!["objective"]), row.QuerySelector("[data-cell=best]")!.TextContent.Trim());
            Assert.Equal($"/searches/{search["searchId"]}#trial-{search["bestSoFar"]!["trial"]}", row.QuerySelector("[data-cell=best] a")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task A_search_shows_its_trials_and_charts_the_pareto_front_the_api_computed()
    {
        await RecordFiveTrials("search-web");
        var summary = (await Host.Get("/api/searches/search-web"))!;
        var pareto = (await Host.Get("/api/searches/search-web/pareto"))!;
        var trials = (await Host.Get("/api/searches/search-web/trials"))!.AsArray();
        var front = Trials(pareto["points"]!.AsArray(), "trial").ToList();
        var placed = Trials(trials.Where(t => t!["feasible"]!.GetValue<bool>() && t["fullFidelity"]!.GetValue<bool>())).ToList();

        var page = RenderPage<SearchPage>(p => p.Add(x => x.Id, "search-web"), Keys.Auditor, "auditor");
        WaitUntilLoaded(page);

        Assert.Equal(summary["evaluations"]!.ToJsonString(), page.Find("[data-testid=evaluations]").TextContent);
        Assert.Equal(summary["feasibleEvaluations"]!.ToJsonString(), page.Find("[data-testid=feasible]").TextContent);
        Assert.Equal(pareto["considered"]!.ToJsonString(), page.Find("[data-testid=considered]").TextContent);
        Assert.Equal(front.Order(), page.FindAll("circle[data-front=true]").Select(c => c.GetAttribute("data-trial")!).Order());
        Assert.Equal(placed.Except(front).Order(), page.FindAll("circle[data-front=false]").Select(c => c.GetAttribute("data-trial")!).Order());
        var paretoRows = page.FindAll("[data-testid=pareto] tbody tr");
        Assert.Equal(front, paretoRows.Select(r => r.GetAttribute("data-trial")));
        Assert.Equal(pareto["points"]!.AsArray().Select(p => (Shown(p!["objective"]), Shown(p["tokensIn"]), Shown(p["latencyRetrieveMs"]))),
            paretoRows.Select(r => (r.QuerySelector("[data-cell=objective]")!.TextContent, r.QuerySelector("[data-cell=tokens]")!.TextContent,
                r.QuerySelector("[data-cell=latency]")!.TextContent)));
        var trialRows = page.FindAll("[data-testid=trials] tbody tr");
        Assert.Equal(Trials(trials), trialRows.Select(r => r.GetAttribute("data-trial")));
        Assert.Equal(trials.Select(t => Shown(t!["objective"])), trialRows.Select(r => r.QuerySelector("[data-cell=objective]")!.TextContent));
        Assert.Equal(trials.Select(t => t!["feasible"]!.GetValue<bool>() ? "yes" : "no"), trialRows.Select(r => r.QuerySelector("[data-cell=feasible]")!.TextContent));
    }

    [Fact]
    public async Task The_cost_axis_switches_from_context_tokens_to_retrieval_latency()
    {
        await RecordFiveTrials("search-axis");
        var page = RenderPage<SearchPage>(p => p.Add(x => x.Id, "search-axis"));
        WaitUntilLoaded(page);
        Assert.Contains("tokens.in", page.Find("[data-testid=pareto-chart]").GetAttribute("aria-label"), StringComparison.Ordinal);
        var byTokens = page.FindAll("circle[data-trial]").ToDictionary(c => c.GetAttribute("data-trial")!, c => c.GetAttribute("cx"));

        // Found and clicked in one step: the page polls a running search and may re-render in between.
        await page.InvokeAsync(() => page.FindAll("[role=group][aria-label='Cost axis'] button").Single(b => b.TextContent.Contains("latency.retrieve_ms", StringComparison.Ordinal)).Click());

        page.WaitForAssertion(() => Assert.Contains("latency.retrieve_ms", page.Find("[data-testid=pareto-chart]").GetAttribute("aria-label"), StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var byLatency = page.FindAll("circle[data-trial]").ToDictionary(c => c.GetAttribute("data-trial")!, c => c.GetAttribute("cx"));
        // Trial 1 has fewer tokens than trial 2 but less latency too; trial 5 has the fewest tokens and the most latency.
        Assert.True(double.Parse(byTokens["5"]!, CultureInfo.InvariantCulture) < double.Parse(byTokens["1"]!, CultureInfo.InvariantCulture));
        Assert.True(double.Parse(byLatency["5"]!, CultureInfo.InvariantCulture) > double.Parse(byLatency["1"]!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_running_search_shows_a_new_trial_without_a_reload()
    {
        await Host.Record(Started("search-live"), Trial("search-live", 1, 0.5));
        var page = RenderPage<SearchPage>(p => p.Add(x => x.Id, "search-live"));
        WaitUntilLoaded(page);
        Assert.Single(page.FindAll("[data-testid=trials] tbody tr"));

        Assert.Equal(SelfLearn.Agents.Tuner.TunerStatus.Accepted,
            (await Host.Journal().RecordTrialAsync(Trial("search-live", 2, 0.6, topK: 6), Xunit.TestContext.Current.CancellationToken)).Status);

        page.WaitForAssertion(() => Assert.Equal(["1", "2"], page.FindAll("[data-testid=trials] tbody tr").Select(r => r.GetAttribute("data-trial"))),
            TimeSpan.FromSeconds(30));
        Assert.Equal("2", page.Find("[data-testid=evaluations]").TextContent);
    }

    [Fact]
    public async Task An_unknown_search_shows_the_apis_problem_text()
    {
        var problem = (await Host.Get("/api/searches/search-none", 404))!;

        var page = RenderPage<SearchPage>(p => p.Add(x => x.Id, "search-none"), Keys.Auditor, "auditor");
        WaitUntilLoaded(page);

        Assert.Equal($"{problem["title"]!.GetValue<string>()}: {problem["detail"]!.GetValue<string>()}", page.Find("[data-testid=problem]").TextContent.Trim());
    }
}
