using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Projections.Manager.Autonomy;

namespace SelfLearn.Api.Manager.Autonomy;

/// <summary>
/// A version of a deployment's autonomy policy. <c>policyVersion</c> 0 with <c>isDefault</c> is the default policy of a
/// deployment that has none; <c>version</c> is the policy stream's version to send as <c>expectedVersion</c>.
/// </summary>
public sealed record AutonomyPolicyResponse(
    string DeploymentId,
    int PolicyVersion,
    bool IsDefault,
    AutonomyPolicy Policy,
    string Reason,
    string By,
    DateTimeOffset? SetAt,
    long Version)
{
    public const string DefaultReason = "No policy was set: the default (every auto-zone factor within its catalog bounds; 3 activations and 2 rollbacks per 24 hours).";

    public static AutonomyPolicyResponse Of(DeploymentAutonomy? current) =>
        new(current!.DeploymentId, current.PolicyVersion, false, current.Policy, current.Reason, current.By, current.SetAt, current.Version);

    public static AutonomyPolicyResponse Of(AutonomyPolicyVersion version) =>
        new(version.DeploymentId, version.PolicyVersion, false, version.Policy, version.Reason, version.By, version.SetAt, version.PolicyVersion);

    public static AutonomyPolicyResponse Default(string deploymentId, AutonomyPolicy policy) =>
        new(deploymentId, 0, true, policy, DefaultReason, "default", null, 0);
}
