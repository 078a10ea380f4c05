using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Domain.Manager.Autonomy;

/// <summary>
/// A factor the loop may change without a human, within a range (numbers) or a set of values (enums and texts) that can
/// only be narrower than the catalog's; a bound left out is the catalog's.
/// </summary>
public sealed record AutonomousFactor(string Key, decimal? Min = null, decimal? Max = null, IReadOnlyList<string>? AllowedValues = null);

/// <summary>At most <see cref="Max"/> of something in any window of <see cref="PeriodHours"/> hours.</summary>
public sealed record PeriodLimit(int Max, int PeriodHours);

/// <summary>
/// What the loop may do on a deployment without a human: change the <see cref="Autonomous"/> factors within their ranges,
/// activate at most <see cref="Activations"/> versions and roll back at most <see cref="Rollbacks"/> times per period.
/// A change to any other factor, or to one in <see cref="AlwaysApprove"/>, waits for an approval.
/// </summary>
public sealed record AutonomyPolicy(
    IReadOnlyList<AutonomousFactor> Autonomous,
    IReadOnlyList<string> AlwaysApprove,
    PeriodLimit Activations,
    PeriodLimit Rollbacks)
{
    public static readonly PeriodLimit DefaultActivations = new(3, 24);
    public static readonly PeriodLimit DefaultRollbacks = new(2, 24);

    /// <summary>The policy of a deployment that has none: every auto-zone factor within its catalog bounds, 3 activations and 2 rollbacks a day.</summary>
    public static AutonomyPolicy Default(IReadOnlyDictionary<string, ImpactFactor> catalog) => new(
        [.. catalog.Values.Where(f => f.Zone == FactorZone.Auto).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new AutonomousFactor(f.Key))],
        [], DefaultActivations, DefaultRollbacks);
}

/// <summary>A new version of a deployment's autonomy policy; versions count from 1 on the stream "autonomy:{deployment}".</summary>
public sealed record AutonomyPolicySet(string DeploymentId, int PolicyVersion, AutonomyPolicy Policy, string Reason, string By);

/// <summary>A deployment's autonomy policy as it stands: its latest version.</summary>
public sealed record DeploymentAutonomy(
    string Id,
    string DeploymentId,
    int PolicyVersion,
    AutonomyPolicy Policy,
    string Reason,
    string By,
    DateTimeOffset SetAt,
    long Version)
{
    public static string StreamKey(string deploymentId) => $"autonomy:{deploymentId}";

    public static DeploymentAutonomy Create(AutonomyPolicySet e, DateTimeOffset at) =>
        new(StreamKey(e.DeploymentId), e.DeploymentId, e.PolicyVersion, e.Policy, e.Reason, e.By, at, 1);

    public DeploymentAutonomy Apply(AutonomyPolicySet e, DateTimeOffset at) =>
        this with { PolicyVersion = e.PolicyVersion, Policy = e.Policy, Reason = e.Reason, By = e.By, SetAt = at, Version = Version + 1 };
}
