using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>The feedback metrics of docs/METRICS.md per variant, over the runs whose user sent feedback only.</summary>
public sealed class FeedbackMetricTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<Guid> Ask(string variant) =>
        (await Host.Ask("alice", "Tell me about Max", "exp-fb", variant))!["runId"]!.GetValue<Guid>();

    private Task Rate(Guid runId, object rating) =>
        Host.Post("/maas/v1/feedback", new { runId, userId = "alice", rating }, 201, Keys.Service);

    [Fact]
    public async Task Negative_rate_and_rating_count_only_rated_runs_with_thumbs_up_as_5_and_down_as_1()
    {
        await Host.SetUpFeedbackExperimentAsync();
        await Rate(await Ask("control"), new { thumbs = "up" });
        await Rate(await Ask("control"), new { thumbs = "down" });
        await Rate(await Ask("fewer"), new { stars = 2 });
        await Rate(await Ask("fewer"), new { stars = 4 });
        await Ask("fewer");

        var aggregates = await Host.Services.GetRequiredService<AggregateMetrics>().PerVariantAsync(
            new MetricRequest(new MetricScope("exp-fb"), ["feedback.negative_rate", "feedback.rating"], []), CancellationToken.None);

        // control: up (0, 5) and down (1, 1); fewer: 2 stars (1, 2) and 4 stars (0, 4), its unrated run left out.
        Assert.Equal(
            [
                ("feedback.negative_rate", "control", 2L, 1.0, 1.0, 0L), ("feedback.negative_rate", "fewer", 2L, 1.0, 1.0, 0L),
                ("feedback.rating", "control", 2L, 6.0, 26.0, 0L), ("feedback.rating", "fewer", 2L, 6.0, 20.0, 0L),
            ],
            aggregates.Where(a => a.Segment == "all").Select(a => (a.Metric, a.Variant, a.Count, a.Sum, a.SumOfSquares, a.Missing)));
    }
}
