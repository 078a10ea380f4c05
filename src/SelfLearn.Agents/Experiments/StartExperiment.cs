using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Experiments;
using SelfLearn.Projections.Experiments;
using Decider = SelfLearn.Domain.Experiments.StartExperiment;

namespace SelfLearn.Agents.Experiments;

/// <summary>designed → started.</summary>
public sealed record StartExperiment(string ExperimentId, string? Reason, string By, long? ExpectedVersion);

public static class StartExperimentHandler
{
    /// <summary>
    /// The decider sees the online experiment already splitting the deployment's traffic; a second online start that
    /// races past that check loses on the live split's key (the projection inserts it) and is a conflict too.
    /// </summary>
    public static async Task<TunerOutcome> Handle(StartExperiment command, IDocumentSession session, CancellationToken ct)
    {
        try
        {
            return await StreamWrites.Write<Experiment>(session, Experiment.StreamKey(command.ExperimentId), command.ExpectedVersion,
                async stream =>
                {
                    var experiment = stream.Aggregate!;
                    var running = experiment.Design.Mode == ExperimentMode.Online
                        ? await session.LoadAsync<LiveSplit>(experiment.DeploymentId, ct)
                        : null;
                    return Decider.Decide(experiment, command.Reason, command.By, running?.ExperimentId);
                },
                $"no experiment '{command.ExperimentId}'.", ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return TunerOutcome.Conflict($"another online experiment started on this deployment at the same time as '{command.ExperimentId}'; " +
                "only one splits its live traffic. Nothing was appended.");
        }
    }
}
