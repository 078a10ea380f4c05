using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Experiments;

/// <summary>
/// Moves an experiment along its lifecycle: fetch its stream for writing (optionally at the version the client read),
/// decide, append. A transition the status does not allow, or a lost race, is a conflict and appends nothing.
/// </summary>
internal static class ExperimentTransitions
{
    public static Task<TunerOutcome> WriteAsync(
        IDocumentSession session, string experimentId, long? expectedVersion, Func<Experiment, Decision> decide, CancellationToken ct) =>
        StreamWrites.Write<Experiment>(session, Experiment.StreamKey(experimentId), expectedVersion,
            stream => Task.FromResult(decide(stream.Aggregate!)), $"no experiment '{experimentId}'.", ct);
}
