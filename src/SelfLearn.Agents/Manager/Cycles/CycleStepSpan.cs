using System.Diagnostics;
using SelfLearn.Agents.Observability;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>
/// Wolverine middleware around every cycle step handler: one span of <see cref="SelfLearnTracing.Manager"/> per step,
/// named after the step's kind and tagged with the cycle, under Wolverine's own span for the message. The goal is known
/// once the handler has loaded the cycle (<see cref="TagCycle"/>); a failed step marks its span failed (<see cref="MarkFailed"/>).
/// </summary>
public sealed class CycleStepSpan
{
    private Activity? _span;

    public void Before(ICycleStepMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _span = SelfLearnTracing.Manager.StartActivity(message.Step.Kind.ToString())?
            .SetTag(SelfLearnTracing.Tags.CycleId, message.CycleId)
            .SetTag(SelfLearnTracing.Tags.CycleStep, message.Step.Name)
            .SetTag(SelfLearnTracing.Tags.ExperimentId, message.Step.ExperimentId);
    }

    public void Finally() => _span?.Dispose();

    internal static void TagCycle(string deploymentId, string goalId)
    {
        if (Current() is { } span)
            span.SetTag(SelfLearnTracing.Tags.GoalId, goalId).SetTag(SelfLearnTracing.Tags.DeploymentId, deploymentId);
    }

    internal static void MarkFailed(Exception error)
    {
        if (Current() is { } span)
            span.AddException(error).SetStatus(ActivityStatusCode.Error, error.GetType().Name);
    }

    private static Activity? Current() => Activity.Current is { } span && span.Source == SelfLearnTracing.Manager ? span : null;
}
