using Marten;
using SelfLearn.Domain.Configuration;
using Decider = SelfLearn.Domain.Configuration.UnpinVersion;

namespace SelfLearn.Agents.Tuner;

/// <summary>Lifts the deployment's pin.</summary>
public sealed record UnpinVersion(string DeploymentId, string Reason, string By, long? ExpectedVersion);

public static class UnpinVersionHandler
{
    public static Task<TunerOutcome> Handle(UnpinVersion command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<Deployment>(session, command.DeploymentId, command.ExpectedVersion,
            stream => Task.FromResult(Decider.Decide(stream.Aggregate!, command.Reason, command.By)),
            $"no deployment '{command.DeploymentId}'.", ct);
}
