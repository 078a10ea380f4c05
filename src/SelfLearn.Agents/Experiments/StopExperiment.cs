using Marten;
using SelfLearn.Agents.Tuner;
using Decider = SelfLearn.Domain.Experiments.StopExperiment;

namespace SelfLearn.Agents.Experiments;

/// <summary>started → stopped (ended early).</summary>
public sealed record StopExperiment(string ExperimentId, string? Reason, string By, long? ExpectedVersion);

public static class StopExperimentHandler
{
    public static Task<TunerOutcome> Handle(StopExperiment command, IDocumentSession session, CancellationToken ct) =>
        ExperimentTransitions.WriteAsync(session, command.ExperimentId, command.ExpectedVersion,
            experiment => Decider.Decide(experiment, command.Reason, command.By), ct);
}
