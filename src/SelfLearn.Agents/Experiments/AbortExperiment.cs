using Marten;
using SelfLearn.Agents.Tuner;
using Decider = SelfLearn.Domain.Experiments.AbortExperiment;

namespace SelfLearn.Agents.Experiments;

/// <summary>designed or started → aborted (called off).</summary>
public sealed record AbortExperiment(string ExperimentId, string? Reason, string By, long? ExpectedVersion);

public static class AbortExperimentHandler
{
    public static Task<TunerOutcome> Handle(AbortExperiment command, IDocumentSession session, CancellationToken ct) =>
        ExperimentTransitions.WriteAsync(session, command.ExperimentId, command.ExpectedVersion,
            experiment => Decider.Decide(experiment, command.Reason, command.By), ct);
}
