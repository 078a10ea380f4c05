using Marten;
using SelfLearn.Agents.Tuner;
using Decider = SelfLearn.Domain.Experiments.StartExperiment;

namespace SelfLearn.Agents.Experiments;

/// <summary>designed → started.</summary>
public sealed record StartExperiment(string ExperimentId, string? Reason, string By, long? ExpectedVersion);

public static class StartExperimentHandler
{
    public static Task<TunerOutcome> Handle(StartExperiment command, IDocumentSession session, CancellationToken ct) =>
        ExperimentTransitions.WriteAsync(session, command.ExperimentId, command.ExpectedVersion,
            experiment => Decider.Decide(experiment, command.Reason, command.By), ct);
}
