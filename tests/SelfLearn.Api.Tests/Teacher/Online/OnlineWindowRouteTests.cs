using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Tests.Edge;
using SelfLearn.Api.Tests.Infrastructure;
using static SelfLearn.Api.Tests.Teacher.Online.LiveRuns;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>GET /api/deployments/{id}/online/windows (docs/API.md): the table's numbers, with mean and sample standard deviation.</summary>
public sealed class OnlineWindowRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    private static string Url(string query) => "/api/deployments/default/online/windows?" + query;

    private static string At(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_route_returns_each_windows_count_sum_mean_and_standard_deviation_as_stored()
    {
        await Host.StoreAsync(Enumerable.Range(0, 60).Select(i => Run(i)));
        var stored = await Host.AssertWindowsEqualRecomputationAsync();
        var (from, to) = (Start.AddMinutes(1), Start.AddMinutes(3));

        var answer = await Host.Get(Url($"from={At(from)}&to={At(to)}&metric=latency.total_ms"));

        Assert.Equal(60, answer!["windowSeconds"]!.GetValue<int>());
        var expected = stored.Where(row => row.Key.Metric == "latency.total_ms" && row.Key.WindowStart >= from && row.Key.WindowStart < to)
            .OrderBy(row => row.Key.WindowStart).ThenBy(row => row.Key.Version).ThenBy(row => row.Key.Experiment).ThenBy(row => row.Key.Variant).ToList();
        var windows = answer["windows"]!.AsArray();
        Assert.Equal(8, expected.Count); // two windows × four (version, experiment, variant) rows
        Assert.Equal(expected.Count, windows.Count);
        foreach (var ((row, sums), window) in expected.Zip(windows))
        {
            Assert.Equal(row.WindowStart, window!["windowStart"]!.GetValue<DateTimeOffset>());
            Assert.Equal((row.Version, row.Experiment, row.Variant), (window["configVersion"]!.GetValue<int>(), window["experimentId"]!.GetValue<string>(),
                window["variant"]!.GetValue<string>()));
            Assert.Equal((sums.N, sums.Total, sums.Squares), (window["n"]!.GetValue<long>(), window["sum"]!.GetValue<double>(), window["sumOfSquares"]!.GetValue<double>()));
            var mean = sums.Total / sums.N;
            Assert.Equal(mean, window["mean"]!.GetValue<double>(), 1e-9);
            var deviation = Math.Sqrt((sums.Squares - sums.N * mean * mean) / (sums.N - 1));
            Assert.Equal(deviation, window["standardDeviation"]!.GetValue<double>(), 1e-9);
        }

        // Every row without bounds, judged ones included (the tests' hosts judge only when a test asks).
        await Host.Services.GetRequiredService<JudgeOnlineSample>().RunAsync(CancellationToken.None);
        stored = await Host.AssertWindowsEqualRecomputationAsync();
        var all = await Host.Get(Url(""), key: Keys.MetaUser);
        Assert.Contains(stored.Keys, row => OnlineMetrics.OfJudge.Any(m => m.Name == row.Metric));
        Assert.Equal(stored.Count, all!["windows"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("from=yesterday", "'from' must be an ISO-8601 timestamp")]
    [InlineData("from=2026-03-01T10:05:00Z&to=2026-03-01T10:00:00Z", "'from' must be before 'to'")]
    [InlineData("metric=retrieval.mrr", "'retrieval.mrr' is not measured on live traffic")]
    [InlineData("metric=latency.nope_ms", "unknown metric 'latency.nope_ms'")]
    [InlineData("limit=0", "'limit' must be between 1 and 1000")]
    public async Task Bad_input_is_a_400_problem(string query, string message)
    {
        var problem = await Host.Refused(HttpMethod.Get, Url(query), null, 400, Keys.Auditor);
        Assert.StartsWith(message, problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_deployment_is_a_404_and_the_service_key_may_not_read_windows()
    {
        await Host.Refused(HttpMethod.Get, "/api/deployments/nowhere/online/windows", null, 404, Keys.Auditor);
        await Host.Get(Url(""), 403, Keys.Service);
    }
}
