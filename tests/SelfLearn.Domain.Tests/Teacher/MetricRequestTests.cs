using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Domain.Tests.Teacher;

public sealed class MetricRequestTests
{
    private static MetricRequest Request(string[] metrics, string[]? segments = null, JudgeRef? judge = null) =>
        new(new MetricScope("exp-1"), metrics, segments ?? [], judge);

    [Fact]
    public void A_request_of_known_metrics_and_segments_is_valid_and_always_includes_the_whole_set_once()
    {
        var request = Request(["retrieval.recall@10", "answer.faithfulness"], ["kind:preference", "all", "persona:ana", "kind:preference"], new JudgeRef("offline", "1"));

        Assert.Null(request.Validate());
        Assert.Equal(["all", "kind:preference", "persona:ana"], request.SegmentsWithAll);
    }

    [Fact]
    public void Every_problem_is_named_in_one_message()
    {
        var request = Request(["retrieval.recall@7", "context.utilization"], ["mood:calm"]);

        Assert.Equal(
            "unknown metric 'retrieval.recall@7' (docs/METRICS.md lists the known ones). " +
            "metric 'context.utilization' is scored by a judge: name the judge and its version. " +
            "segment 'mood:calm': unknown dimension 'mood' (known: kind, persona, project).",
            request.Validate());
    }

    [Fact]
    public void A_request_without_an_experiment_or_metrics_is_refused() =>
        Assert.Equal("name the experiment whose runs to evaluate. name at least one metric (docs/METRICS.md lists them).",
            new MetricRequest(new MetricScope(" "), [], []).Validate());

    [Theory]
    [InlineData("all", null)]
    [InlineData("project:atlas", null)]
    [InlineData("kind:temporal", null)]
    [InlineData("kind:", "segment 'kind:' is 'all' or 'dimension:value' with a dimension of kind, persona, project.")]
    [InlineData("everything", "segment 'everything' is 'all' or 'dimension:value' with a dimension of kind, persona, project.")]
    public void Segments_are_all_or_a_known_dimension_with_a_value(string segment, string? problem) =>
        Assert.Equal(problem, Segments.Validate(segment));

    [Fact]
    public void Registry_names_are_unique_and_lower_case_and_Get_refuses_an_unknown_one()
    {
        Assert.Equal(MetricRegistry.All.Count, MetricRegistry.All.Select(m => m.Name).Distinct().Count());
        Assert.All(MetricRegistry.All, m => Assert.Matches("^[a-z]+(\\.[a-z0-9_@]+)+$", m.Name));
        Assert.Equal("unknown metric 'recall' (docs/METRICS.md lists the known ones). (Parameter 'name')",
            Assert.Throws<ArgumentException>(() => MetricRegistry.Get("recall")).Message);
    }
}
