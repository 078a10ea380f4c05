using System.Diagnostics;
using Alba;
using SelfLearn.Agents.Observability;
using SelfLearn.Api.Tests.Infrastructure;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Observability;

/// <summary>A cycle run end to end, traced: one span per step, named after it, tagged with the cycle and its goal, under Wolverine's span for the step's message.</summary>
[Collection(TracedCollection.Name)]
public sealed class CycleStepTraceTests(TracedApp app) : IAsyncLifetime
{
    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Every_step_of_a_cycle_is_one_span_named_after_it_with_the_cycle_and_goal()
    {
        await Host.CreateAndActivate("retrieval.top_k", 1);
        app.Spans.Clear();

        var id = await Host.StartAndWait(Goal(["retrieval.top_k"]));

        // The cycle's nine events (as AutonomousCycleTests asserts) come from these seven steps, one message each.
        Assert.Equal(["CycleStarted", "CyclePlanned", "VariantsPrepared", "ExperimentRan", "ExperimentEvaluated", "RecommendationsRecorded",
            "ChangeActivated", "CycleReported", "CycleCompleted"], await Host.CycleEvents(id));
        var spans = app.Spans.Snapshot();
        var steps = spans.Where(s => s.Source.Name == SelfLearnTracing.ManagerSourceName).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(["Plan", "PrepareVariants", "RunExperiment", "EvaluateExperiment", "RecordRecommendations", "ApplyChange", "Report"],
            steps.Select(s => s.DisplayName));
        Assert.All(steps, s => Assert.Equal((id, "goal-recall", "default"),
            (Tag(s, SelfLearnTracing.Tags.CycleId), Tag(s, SelfLearnTracing.Tags.GoalId), Tag(s, SelfLearnTracing.Tags.DeploymentId))));
        Assert.Equal($"RunExperiment {id}-e1", Tag(steps[2], SelfLearnTracing.Tags.CycleStep));
        // Under Wolverine's span for the message (Marten's span for the handler's session may sit in between).
        Assert.All(steps, s => Assert.Contains("Wolverine", Ancestors(s, spans).Select(a => a.Source.Name)));
    }

    private static IEnumerable<Activity> Ancestors(Activity span, IReadOnlyList<Activity> spans)
    {
        for (var parent = spans.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null; parent = spans.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
            yield return parent;
    }

    private static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();
}
