namespace SelfLearn.Web.Catalog;

/// <summary>A version of a deployment's autonomy policy as <c>GET /api/deployments/{id}/autonomy</c> serves it.</summary>
public sealed record AutonomyPolicyView(
    string DeploymentId, int PolicyVersion, bool IsDefault, AutonomyPolicy Policy, string Reason, string By, DateTimeOffset? SetAt, long Version);

public sealed record AutonomyPolicy(List<AutonomousFactor> Autonomous, List<string> AlwaysApprove, PeriodLimit Activations, PeriodLimit Rollbacks);

public sealed record AutonomousFactor(string Key, decimal? Min = null, decimal? Max = null, List<string>? AllowedValues = null);

public sealed record PeriodLimit(int Max, int PeriodHours);

/// <summary>The body of <c>PUT /api/deployments/{id}/autonomy</c>.</summary>
public sealed record SetAutonomyPolicyRequest(
    List<AutonomousFactor> Autonomous, List<string> AlwaysApprove, PeriodLimit Activations, PeriodLimit Rollbacks, string Reason, long ExpectedVersion);
