using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>
/// Moves a goal along its lifecycle: fetch its stream for writing (at the version the client read, when it sent one),
/// decide, append. A step the status does not allow, or a lost race, is a conflict and appends nothing.
/// </summary>
internal static class GoalTransitions
{
    public static Task<TunerOutcome> WriteAsync(IDocumentSession session, string goalId, long? expectedVersion, Func<Goal, Decision> decide, CancellationToken ct) =>
        StreamWrites.Write<Goal>(session, Goal.StreamKey(goalId), expectedVersion, stream => Task.FromResult(decide(stream.Aggregate!)), $"no goal '{goalId}'.", ct);
}
