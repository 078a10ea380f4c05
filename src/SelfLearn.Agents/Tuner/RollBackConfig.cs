using Marten;
using SelfLearn.Domain.Configuration;
using SelfLearn.Projections.Configuration;

namespace SelfLearn.Agents.Tuner;

/// <summary>Back to the previously active version, or to a named one; Rule names the automatic rule that fired, if any.</summary>
public sealed record RollBackConfig(
    string DeploymentId,
    int? ToVersion,
    string Reason,
    string By,
    string? Rule,
    ChangeLinks Links,
    long? ExpectedVersion);

public static class RollBackConfigHandler
{
    public static Task<TunerOutcome> Handle(RollBackConfig command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<Deployment>(session, command.DeploymentId, command.ExpectedVersion, async stream =>
        {
            var deployment = stream.Aggregate!;
            var target = RollBack.Target(deployment, command.ToVersion) is { } version
                ? await session.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor(deployment.Id, version), ct)
                : null;
            return RollBack.Decide(deployment, command.ToVersion, target?.Parameters, command.Reason, command.By, command.Rule, command.Links);
        }, $"no deployment '{command.DeploymentId}'.", ct);
}
