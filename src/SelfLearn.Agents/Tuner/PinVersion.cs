using Marten;
using SelfLearn.Domain.Configuration;
using Decider = SelfLearn.Domain.Configuration.PinVersion;

namespace SelfLearn.Agents.Tuner;

/// <summary>Pins a version (the active one when <see cref="ConfigVersion"/> is null) so no automatic rule rolls it back while it is active.</summary>
public sealed record PinVersion(string DeploymentId, int? ConfigVersion, string Reason, string By, long? ExpectedVersion);

public static class PinVersionHandler
{
    public static Task<TunerOutcome> Handle(PinVersion command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<Deployment>(session, command.DeploymentId, command.ExpectedVersion,
            stream => Task.FromResult(Decider.Decide(stream.Aggregate!, command.ConfigVersion, command.Reason, command.By)),
            $"no deployment '{command.DeploymentId}'.", ct);
}
