using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Teacher.Metrics;
using static SelfLearn.Api.Tests.Teacher.HandMadeRuns;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>A request naming what does not exist is refused with a message that says what is known, and computes and writes nothing.</summary>
public sealed class MetricRefusalTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<string> RefusedAsync(MetricRequest request, string? baseline = null)
    {
        await Host.RecordSimulationAsync();
        await Host.StoreAsync(Run("a", "alpha/q1", ["a1"], ["a1"]), Run("b", "alpha/q1", ["a2"], ["a2"]));
        var metrics = Host.Metrics();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => baseline is null
            ? metrics.PerVariantAsync(request, TestContext.Current.CancellationToken)
            : metrics.PairedAsync(request, baseline, TestContext.Current.CancellationToken));
        Assert.Equal(0, await Host.Count(TeacherTables.GoldenExamples));
        Assert.Equal(0, await Host.Count(TeacherTables.GoldenDatasets));
        return error.Message;
    }

    [Fact]
    public async Task An_unknown_metric_is_refused() =>
        Assert.StartsWith("unknown metric 'retrieval.recall@7' (docs/METRICS.md lists the known ones).",
            await RefusedAsync(Request(["retrieval.recall@5", "retrieval.recall@7"])), StringComparison.Ordinal);

    [Fact]
    public async Task A_judge_metric_without_a_judge_is_refused() =>
        Assert.StartsWith("metric 'answer.faithfulness' is scored by a judge: name the judge and its version.",
            await RefusedAsync(Request(["answer.faithfulness"])), StringComparison.Ordinal);

    [Theory]
    [InlineData("mood:happy", "segment 'mood:happy': unknown dimension 'mood' (known: kind, persona, project).")]
    [InlineData("kind:gossip", "segment 'kind:gossip': unknown question kind 'gossip' (known: single-hop, multi-hop, temporal, knowledge-update, preference, open-domain, unanswerable).")]
    [InlineData("persona", "segment 'persona' is 'all' or 'dimension:value' with a dimension of kind, persona, project.")]
    [InlineData("persona:zed", "unknown segment 'persona:zed': no golden example the experiment's simulations played has it (known: persona:ana, persona:bo, project:atlas, project:orbit).")]
    public async Task An_unknown_segment_is_refused(string segment, string message) =>
        Assert.StartsWith(message, await RefusedAsync(Request(["retrieval.recall@5"], [segment])), StringComparison.Ordinal);

    [Fact]
    public async Task A_baseline_without_runs_is_refused() =>
        Assert.StartsWith("baseline variant 'control' has no runs in experiment 'exp-hand'.",
            await RefusedAsync(Request(["retrieval.recall@5"]), baseline: "control"), StringComparison.Ordinal);
}
