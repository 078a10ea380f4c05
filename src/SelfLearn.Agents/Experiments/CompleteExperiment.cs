using Marten;
using SelfLearn.Agents.Tuner;
using Decider = SelfLearn.Domain.Experiments.CompleteExperiment;

namespace SelfLearn.Agents.Experiments;

/// <summary>started → completed (ran to its planned end).</summary>
public sealed record CompleteExperiment(string ExperimentId, string? Reason, string By, long? ExpectedVersion);

public static class CompleteExperimentHandler
{
    public static Task<TunerOutcome> Handle(CompleteExperiment command, IDocumentSession session, CancellationToken ct) =>
        ExperimentTransitions.WriteAsync(session, command.ExperimentId, command.ExpectedVersion,
            experiment => Decider.Decide(experiment, command.Reason, command.By), ct);
}
