using System.Text.Json;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Teacher.Proposals;

/// <summary>
/// The configuration a proposal starts from: a version of a deployment (the active one unless named), with catalog
/// defaults for factors registered after it — the same baseline the Tuner uses when it creates a version.
/// </summary>
public sealed record ProposalBase(string DeploymentId, int Version, IReadOnlyDictionary<string, JsonElement> Values)
{
    /// <param name="versionParameters">The parameters of the base version, or null when the deployment has no such version.</param>
    public static (ProposalBase? Base, Violation? Violation) Resolve(
        string deploymentId,
        Deployment? deployment,
        int? requestedVersion,
        IReadOnlyDictionary<string, JsonElement>? versionParameters,
        IReadOnlyDictionary<string, ImpactFactor> catalog)
    {
        if (deployment is null)
            return (null, new Violation("deploymentId", ViolationRule.InvalidDefinition, $"no deployment '{deploymentId}'."));
        var version = CreateVersion.Parent(deployment, requestedVersion);
        if (versionParameters is null)
            return (null, new Violation("baseVersion", ViolationRule.UnknownVersion, $"deployment '{deploymentId}' has no version {version}."));
        return (new ProposalBase(deploymentId, version, Parameters.Merge(Catalog.Defaults(catalog), versionParameters)), null);
    }
}
