using System.Globalization;
using System.Text.Json.Nodes;
using Alba;
using Bunit;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager;
using SelfLearn.Api.Tests.Manager.Cycles;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Web.Datasets;
using SelfLearn.Web.Journal;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Web.Journal;

/// <summary>Two cycles run to their reports (one in English, one in Russian); the report pages, the trend across them and their simulations show what the API serves.</summary>
[Collection(CyclesCollection.Name)]
public sealed class ReportPagesTests(AutonomousCycleApp app) : IAsyncLifetime, IDisposable
{
    private const string TopK = "retrieval.top_k";

    private readonly PageRenderer _pages = new(app.Host);

    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose() => _pages.Dispose();

    private static object InlineGoal(string id, string goalId, string language) => new
    {
        id,
        goalId,
        goal = new
        {
            deployment = "default",
            primary = new[] { new { metric = Recall, direction = "higher", target = 0.9, segment = (string?)null } },
            guards = Array.Empty<object>(),
            allowedFactors = new[] { TopK },
            budget = new { experiments = 1, simulatedDialogs = 24, wallTimeMinutes = 30 },
            language,
        },
    };

    private static string Shown(JsonNode? value) => value is null ? "—" : Math.Round(value.GetValue<double>(), 4).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Each_cycles_report_is_shown_as_written_with_its_figures_and_the_trend_across_cycles_matches_the_reports()
    {
        // Five activations a day: the seeded defaults', top_k 1, the first cycle's, top_k 1 again and the second cycle's.
        await Host.Put("/api/deployments/default/autonomy", new
        {
            autonomous = new object[] { new { key = TopK } },
            alwaysApprove = Array.Empty<string>(),
            activations = new { max = 5, periodHours = 24 },
            reason = "both cycles activate on their own",
        }, 200);
        var topK1 = await Host.CreateAndActivate(TopK, 1);
        var english = await Host.StartAndWait(InlineGoal("cyc-web-en", "goal-web-en", "en"));
        // Back to the same base, so the second cycle tests the same change and activates it on its own, as the first did.
        await Host.Post($"/api/deployments/default/versions/{topK1}/activate", new { reason = "back to top_k 1" }, 200);
        var russian = await Host.StartAndWait(InlineGoal("cyc-web-ru", "goal-web-ru", "ru"));

        foreach (var (cycleId, language) in new[] { (english, "en"), (russian, "ru") })
        {
            var (markdown, _) = await Host.MarkdownReport(cycleId);
            var report = (await Host.Get($"/api/cycles/{cycleId}/report"))!;
            var view = _pages.Render<CycleReportView>(p => p.Add(x => x.CycleId, cycleId), Keys.Auditor, "auditor");
            view.WaitForAssertion(() => Assert.NotEmpty(view.FindAll("[data-testid=report-markdown]")), TimeSpan.FromSeconds(30));

            var written = view.Find("[data-testid=report-markdown]");
            Assert.Equal(language, written.GetAttribute("lang"));
            var headings = markdown.Split('\n').Where(l => l.StartsWith('#')).Select(l => (Level: l.TakeWhile(c => c == '#').Count(), Text: l.TrimStart('#').Trim()));
            Assert.Equal(headings.Select(h => ($"H{h.Level + 1}", h.Text)), written.QuerySelectorAll("h2, h3, h4, h5, h6").Select(h => (h.TagName, h.TextContent.Trim())));
            Assert.Equal(report["baseVersion"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), view.Find("[data-testid=base-version]").TextContent.Trim());
            var tested = Assert.Single(report["tested"]!.AsArray())!;
            foreach (var gain in tested["primaryGains"]!.AsArray())
            {
                var row = view.Find($"tr[data-experiment='{tested["experimentId"]}'][data-metric='{gain!["metric"]}'][data-segment='{gain["segment"]}'][data-role=primary]");
                Assert.Equal(Shown(gain["baseline"]), row.QuerySelector("[data-cell=baseline]")!.TextContent.Trim());
                Assert.Equal(Shown(gain["treatment"]), row.QuerySelector("[data-cell=treatment]")!.TextContent.Trim());
                Assert.Equal(tested["call"]!.GetValue<string>(), row.QuerySelector("[data-cell=call]")!.TextContent.Trim());
            }
        }
        Assert.Contains("## Карта гипотез", (await Host.MarkdownReport(russian)).Text, StringComparison.Ordinal);

        var expected = (await Host.Get("/api/cycles"))!.AsArray()
            .Select(c => (Cycle: c!, At: DateTimeOffset.Parse(c!["steps"]!.AsArray().Last(s => s!["step"]!.GetValue<string>() == "CycleReported")!["at"]!.GetValue<string>(), CultureInfo.InvariantCulture)))
            .OrderBy(c => c.At)
            .SelectMany(c => c.Cycle["report"]!["tested"]!.AsArray().Select(t => t!["primaryGains"]!.AsArray().First(g => g!["metric"]!.GetValue<string>() == Recall && g["segment"]!.GetValue<string>() == "all")!)
                .Select(g => (c.Cycle["cycleId"]!.GetValue<string>(), Shown(g["baseline"]), Shown(g["treatment"]))))
            .ToList();
        Assert.Equal([english, russian], expected.Select(e => e.Item1));
        var reports = _pages.Render<ReportsPage>(_ => { }, Keys.Auditor, "auditor");
        reports.WaitForAssertion(() => Assert.NotEmpty(reports.FindAll("[data-testid=trend]")), TimeSpan.FromSeconds(30));
        var trend = reports.Find($"[data-testid=trend][data-metric='{Recall}'][data-segment=all]");
        Assert.Equal(expected, trend.QuerySelectorAll("tbody tr").Select(r => (r.GetAttribute("data-cycle")!,
            r.QuerySelector("[data-cell=baseline]")!.TextContent.Trim(), r.QuerySelector("[data-cell=treatment]")!.TextContent.Trim())));
        var chart = trend.QuerySelector("svg[role=img]")!;
        Assert.Equal($"{Recall} (all) across 2 cycles: baseline and treatment of each tested experiment, oldest report first", chart.QuerySelector("title")!.TextContent);
        Assert.Equal(4, chart.QuerySelectorAll("circle").Length);
        Assert.Equal([english, russian], chart.QuerySelectorAll("text").Select(t => t.TextContent).Where(t => t.StartsWith("cyc-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_cycles_simulation_is_listed_with_its_dataset_version_and_tallies()
    {
        await Host.CreateAndActivate(TopK, 1);
        var cycleId = await Host.StartAndWait(InlineGoal("cyc-web-sim", "goal-web-sim", "en"));
        var simulationId = (await Host.Get($"/api/cycles/{cycleId}"))!["experiments"]![0]!["simulationId"]!.GetValue<string>();
        var simulation = (await Host.Get($"/api/simulations/{simulationId}"))!;
        var plan = simulation["plan"]!;

        var page = _pages.Render<DatasetsPage>(_ => { }, Keys.Auditor, "auditor");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"tr[data-simulation='{simulationId}']")), TimeSpan.FromSeconds(30));

        var row = page.Find($"tr[data-simulation='{simulationId}']");
        Assert.Equal(simulation["status"]!.GetValue<string>(), row.QuerySelector("[data-cell=status] .mud-chip-content")!.TextContent.Trim());
        Assert.Equal($"{plan["datasetName"]} v{plan["datasetVersion"]}", row.QuerySelector("[data-cell=dataset]")!.TextContent.Trim());
        Assert.Equal($"/datasets/{plan["datasetName"]}#v{plan["datasetVersion"]}", row.QuerySelector("[data-cell=dataset] a")!.GetAttribute("href"));
        Assert.Equal(simulation["tallies"]!.AsArray().Select(t => $"{t!["variant"]}: {t["dialogs"]} · {t["questions"]} · {t["failures"]}"),
            row.QuerySelectorAll("[data-cell=tallies] div").Select(d => d.TextContent.Trim()));
    }

    [Fact]
    public async Task An_unknown_cycles_report_shows_the_apis_problem_text()
    {
        var detail = (await Host.Get("/api/cycles/nope/report", 404))!["detail"]!.GetValue<string>();

        var view = _pages.Render<CycleReportView>(p => p.Add(x => x.CycleId, "nope"), Keys.Auditor, "auditor");

        view.WaitForAssertion(() => Assert.EndsWith(detail, view.Find("[data-testid=problem]").TextContent.Trim(), StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Empty(view.FindAll("[data-testid=report-markdown]"));
    }

    [Fact]
    public async Task A_cycle_that_has_not_reported_says_where_it_is_instead_of_an_error()
    {
        const string id = "cyc-web-stopped";
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream<Cycle>(Cycle.StreamKey(id), new CycleStarted(id, "goal-recall",
                new FormalGoal("default", [new SelfLearn.Domain.Manager.Goals.GoalObjective(Recall, MetricDirection.HigherIsBetter, 0.9, null)], [], [TopK], new GoalBudget(1, 24, 30), GoalLanguage.English),
                "default", 1, "test"));
            await session.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        await Host.PostWithoutBody($"/api/cycles/{id}/stop", 200);
        var detail = (await Host.Get($"/api/cycles/{id}/report", 409))!["detail"]!.GetValue<string>();

        var view = _pages.Render<CycleReportView>(p => p.Add(x => x.CycleId, id), Keys.Auditor, "auditor");

        view.WaitForAssertion(() => Assert.EndsWith(detail, view.Find("[data-testid=not-reported]").TextContent.Trim(), StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Empty(view.FindAll("[data-testid=problem]"));
        Assert.Empty(view.FindAll("[data-testid=report-markdown]"));
    }
}
