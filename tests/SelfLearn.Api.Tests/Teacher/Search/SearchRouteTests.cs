using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using SelfLearn.Api.Tests.Edge;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Teacher.Search;
using SelfLearn.Projections;
using static SelfLearn.Api.Tests.Teacher.Search.SearchJournalling;

namespace SelfLearn.Api.Tests.Teacher.Search;

public sealed class SearchRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Trials by hand: (number, recall@10, tokens.in, latency.retrieve_ms, feasible).</summary>
    private static readonly (int Number, double Objective, double Tokens, double Latency, bool Feasible)[] Tried =
    [
        (1, 0.60, 1000, 5, true),
        (2, 0.70, 1200, 6, true),
        (3, 0.60, 1100, 5, true),   // dominated by 1
        (4, 0.50, 800, 4, true),    // dominated by 7
        (5, 0.70, 1200, 6, true),   // ties 2
        (6, 0.90, 700, 2, false),   // dominates everything, but infeasible
        (7, 0.50, 800, 3, true),
    ];

    private async Task RecordTheHandMadeSearch(string id = "search-hand") =>
        await Host.Record(Started(id), [.. Tried.Select(t => Trial(id, t.Number, t.Objective, t.Tokens, t.Latency, t.Feasible, topK: 2 + t.Number))]);

    [Fact]
    public async Task The_Pareto_route_returns_the_front_computed_by_hand()
    {
        await RecordTheHandMadeSearch();

        var pareto = await Host.Get("/api/searches/search-hand/pareto", key: Keys.Service);

        Assert.Equal(("search-hand", "retrieval.recall@10", "higher", 6, 0), (pareto!["searchId"]!.GetValue<string>(), pareto["objective"]!.GetValue<string>(),
            pareto["direction"]!.GetValue<string>(), pareto["considered"]!.GetValue<int>(), pareto["unplaced"]!.GetValue<int>()));
        Assert.Equal("""[{"trial":2,"fold":null,"parameters":{"retrieval.top_k":4},"objective":0.7,"tokensIn":1200,"latencyRetrieveMs":6},""" +
                     """{"trial":5,"fold":null,"parameters":{"retrieval.top_k":7},"objective":0.7,"tokensIn":1200,"latencyRetrieveMs":6},""" +
                     """{"trial":1,"fold":null,"parameters":{"retrieval.top_k":3},"objective":0.6,"tokensIn":1000,"latencyRetrieveMs":5},""" +
                     """{"trial":7,"fold":null,"parameters":{"retrieval.top_k":9},"objective":0.5,"tokensIn":800,"latencyRetrieveMs":3}]""",
            pareto["points"]!.ToJsonString());
    }

    [Fact]
    public async Task The_summary_counts_the_trials_and_names_the_best_feasible_one()
    {
        await RecordTheHandMadeSearch();
        await Host.Journal().CompleteAsync(new SearchCompleted("search-hand",
            new SearchOutcome(Started("search-hand").BaseParameters, 0.7, 0.66, 2), new SearchOutcome(Started("search-hand").BaseParameters, 0.6, 0.58, null), 7, 1234), Ct);

        var search = await Host.Get("/api/searches/search-hand");

        Assert.Equal(("search-hand", "completed", "random", "retrieval.recall@10", "higher", 7, 6), (search!["searchId"]!.GetValue<string>(),
            search["status"]!.GetValue<string>(), search["strategy"]!.GetValue<string>(), search["objective"]!.GetValue<string>(),
            search["direction"]!.GetValue<string>(), search["evaluations"]!.GetValue<int>(), search["feasibleEvaluations"]!.GetValue<int>()));
        Assert.Equal((2, 0.7), (search["bestSoFar"]!["trial"]!.GetValue<int>(), search["bestSoFar"]!["objective"]!.GetValue<double>()));
        Assert.Equal((0.66, 0.58, 7), (search["result"]!["best"]!["outOfFold"]!.GetValue<double>(), search["result"]!["baseline"]!["outOfFold"]!.GetValue<double>(),
            search["result"]!["evaluations"]!.GetValue<int>()));
        Assert.Equal(("""{"name":"locomo-dev.json","sha256":"0000000000000000000000000000000000000000000000000000000000000000","conversations":["conv-26","conv-30"],"questions":300}"""),
            search["dataset"]!.ToJsonString());
        Assert.Equal("""{"key":"retrieval.top_k","type":"int","min":3,"max":10,"step":1,"allowedValues":null}""", search["space"]![0]!.ToJsonString());

        await using var session = Fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync("search:search-hand", token: Ct);
        Assert.Equal((events[0].Timestamp, events[^1].Timestamp), (Instant(search["startedAt"]), Instant(search["endedAt"])));
    }

    [Fact]
    public async Task When_lower_is_better_the_best_so_far_is_the_lowest_feasible_objective()
    {
        await Host.Record(Started("search-fast", "latency.total_ms"),
            Trial("search-fast", 1, 30), Trial("search-fast", 2, 20, feasible: false), Trial("search-fast", 3, 25), Trial("search-fast", 4, 40));

        var search = await Host.Get("/api/searches/search-fast");

        Assert.Equal(("lower", 3, 25.0), (search!["direction"]!.GetValue<string>(), search["bestSoFar"]!["trial"]!.GetValue<int>(),
            search["bestSoFar"]!["objective"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Trials_are_paged_in_number_order()
    {
        await RecordTheHandMadeSearch();

        var page = (await Host.Get("/api/searches/search-hand/trials?fromNumber=3&limit=2"))!.AsArray();
        var rest = (await Host.Get("/api/searches/search-hand/trials?fromNumber=5"))!.AsArray();

        Assert.Equal([3, 4], page.Select(t => t!["number"]!.GetValue<int>()));
        Assert.Equal([5, 6, 7], rest.Select(t => t!["number"]!.GetValue<int>()));
        Assert.Equal((0.6, """{"retrieval.top_k":5}""", 1100.0, true), (page[0]!["objective"]!.GetValue<double>(), page[0]!["parameters"]!.ToJsonString(),
            page[0]!["metrics"]!["tokens.in"]!.GetValue<double>(), page[0]!["feasible"]!.GetValue<bool>()));
        Assert.False(rest[1]!["feasible"]!.GetValue<bool>());
        Assert.Equal(7, (await Host.Get("/api/searches/search-hand/trials"))!.AsArray().Count);
    }

    [Fact]
    public async Task The_list_is_newest_first_and_filters_by_status()
    {
        await Host.Record(Started("search-old"));
        await Host.Record(Started("search-new"));
        await Host.Journal().AbandonAsync(new SearchAbandoned("search-old", "stopped"), Ct);

        var all = (await Host.Get("/api/searches"))!.AsArray();
        var abandoned = (await Host.Get("/api/searches?status=abandoned&limit=5"))!.AsArray();

        Assert.Equal(["search-new", "search-old"], all.Select(s => s!["searchId"]!.GetValue<string>()));
        Assert.Equal(["search-old"], abandoned.Select(s => s!["searchId"]!.GetValue<string>()));
        Assert.Equal("stopped", abandoned[0]!["abandonReason"]!.GetValue<string>());
        Assert.Single((await Host.Get("/api/searches?limit=1"))!.AsArray());
    }

    [Theory]
    [InlineData("/api/searches/search-none")]
    [InlineData("/api/searches/search-none/trials")]
    [InlineData("/api/searches/search-none/pareto")]
    public async Task An_unknown_search_is_a_404_problem(string url) =>
        Assert.Equal("no search 'search-none'.", (await Host.Refused(HttpMethod.Get, url, null, 404, Keys.Auditor)).Detail());

    [Theory]
    [InlineData("/api/searches/Search%20One", "a search id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit.")]
    [InlineData("/api/searches/Search%20One/pareto", "a search id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit.")]
    [InlineData("/api/searches/s123456789012345678901234567890123456789012345678901234567890123/trials",
        "a search id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit.")]
    [InlineData("/api/searches/search-hand/trials?fromNumber=0", "'fromNumber' is a trial number, at least 1.")]
    [InlineData("/api/searches/search-hand/trials?limit=0", "'limit' must be between 1 and 1000.")]
    [InlineData("/api/searches?limit=1001", "'limit' must be between 1 and 1000.")]
    [InlineData("/api/searches?status=done", "'status' is one of: running, completed, abandoned.")]
    public async Task A_bad_id_page_or_status_is_a_400_problem(string url, string detail)
    {
        await RecordTheHandMadeSearch();
        Assert.Equal(detail, (await Host.Refused(HttpMethod.Get, url, null, 400, Keys.Auditor)).Detail());
    }

    [Fact]
    public async Task Rebuilding_the_search_projections_from_the_events_reproduces_the_summary_and_the_front()
    {
        await RecordTheHandMadeSearch();
        await Host.Record(Started("search-fast", "latency.total_ms"), Trial("search-fast", 1, 30), Trial("search-fast", 2, 25, tokens: 900));
        await Host.Journal().AbandonAsync(new SearchAbandoned("search-fast", "stopped"), Ct);
        var before = await Snapshot();

        await using (var session = Fixture.Store.LightweightSession())
        {
            session.DeleteWhere<SearchSummary>(_ => true);
            session.DeleteWhere<SearchPareto>(_ => true);
            await session.SaveChangesAsync(Ct);
        }
        Assert.Equal("[[],[]]", await Snapshot());

        using var daemon = await Fixture.Store.BuildProjectionDaemonAsync();
        foreach (var projection in ProjectionsRegistration.ProjectionTypes.Where(t => t.Namespace!.EndsWith(".Search", StringComparison.Ordinal)))
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(before, await Snapshot());
        Assert.Contains("\"Trial\":7", before, StringComparison.Ordinal);
    }

    private async Task<string> Snapshot()
    {
        await using var session = Fixture.Store.QuerySession();
        return JsonSerializer.Serialize(new object[]
        {
            await session.Query<SearchSummary>().OrderBy(x => x.Id).ToListAsync(Ct),
            await session.Query<SearchPareto>().OrderBy(x => x.Id).ToListAsync(Ct),
        });
    }

    private static DateTimeOffset Instant(JsonNode? node) => DateTimeOffset.Parse(node!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
