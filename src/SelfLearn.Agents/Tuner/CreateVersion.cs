using System.Text.Json;
using Marten;
using SelfLearn.Agents.Manager.Autonomy;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Projections.Configuration;
using Decider = SelfLearn.Domain.Configuration.CreateVersion;

namespace SelfLearn.Agents.Tuner;

/// <summary>
/// A new version from a parent (the active one unless named) with some factors changed. <see cref="ByTheLoop"/>: the
/// Manager's loop writes on its own, so without an approval the deployment's autonomy policy must allow the change.
/// </summary>
public sealed record CreateVersion(
    string DeploymentId,
    IReadOnlyDictionary<string, JsonElement> Changes,
    int? ParentVersion,
    string Reason,
    string Initiator,
    string By,
    ChangeLinks Links,
    long? ExpectedVersion,
    bool ByTheLoop = false);

public static class CreateVersionHandler
{
    /// <summary>
    /// The catalog comes from memory; its version, the deployment, a named parent and a named approval come in one round
    /// trip. The active version's parameters are on the deployment itself, so the usual parent costs no read.
    /// </summary>
    public static async Task<TunerOutcome> Handle(CreateVersion command, IDocumentSession session, CatalogCache catalogCache, CancellationToken ct)
    {
        var namedParent = command.ParentVersion is { } parent ? ConfigVersionView.IdFor(command.DeploymentId, parent) : null;
        var alone = command.ByTheLoop && string.IsNullOrWhiteSpace(command.Links.ApprovalId)
            ? new LoopWrite(await AutonomyReads.PolicyAsync(session, command.DeploymentId, await catalogCache.GetAsync(session, ct), ct), 0)
            : null;
        return await ApprovedWrites.Write<ConfigVersionView>(session, catalogCache, command.DeploymentId, command.ExpectedVersion, namedParent,
            command.Links.ApprovalId, _ => null,
            (stream, parentView, approval, catalog) =>
            {
                var deployment = stream.Aggregate!;
                var parentParameters = command.ParentVersion is null || command.ParentVersion == deployment.ActiveVersion
                    ? ActiveOrNull(deployment)
                    : parentView?.Parameters;
                return Decider.Decide(deployment, catalog, RunnableFactorValues.Current, command.ParentVersion, parentParameters,
                    command.Changes, command.Reason, command.Initiator, command.By, command.Links, approval, alone);
            }, ct);
    }

    private static IReadOnlyDictionary<string, JsonElement>? ActiveOrNull(Deployment deployment) =>
        deployment.ActiveVersion is null ? null : deployment.ActiveParameters;
}
