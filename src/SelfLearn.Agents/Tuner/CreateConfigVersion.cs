using System.Text.Json;
using Marten;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Tuner;
using SelfLearn.Projections.Configuration;

namespace SelfLearn.Agents.Tuner;

/// <summary>A new version from a parent (the active one unless named) with some factors changed.</summary>
public sealed record CreateConfigVersion(
    string DeploymentId,
    IReadOnlyDictionary<string, JsonElement> Changes,
    int? ParentVersion,
    string Reason,
    string Initiator,
    string By,
    ChangeLinks Links,
    long? ExpectedVersion);

public static class CreateConfigVersionHandler
{
    public static Task<TunerOutcome> Handle(CreateConfigVersion command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<Deployment>(session, command.DeploymentId, command.ExpectedVersion, async stream =>
        {
            var deployment = stream.Aggregate!;
            var parentVersion = command.ParentVersion ?? deployment.ActiveVersion ?? deployment.LatestConfigVersion;
            var parent = await session.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor(deployment.Id, parentVersion), ct);
            if (parent is null)
                return Decision.Reject([new Violation("parentVersion", ViolationRule.UnknownVersion,
                    $"deployment '{deployment.Id}' has no version {parentVersion}.")]);

            var catalog = await CatalogReader.LoadAsync(session, ct);
            return CreateVersion.Decide(deployment, catalog, RunnableFactorValues.Current, parentVersion, parent.Parameters, command.Changes,
                command.Reason, command.Initiator, command.By, command.Links);
        }, $"no deployment '{command.DeploymentId}'.", ct);
}
