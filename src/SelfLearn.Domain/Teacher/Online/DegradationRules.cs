using SelfLearn.Domain.Teacher.Recommendations;

namespace SelfLearn.Domain.Teacher.Online;

/// <summary>A degradation rule and the name it is known by (docs/DEGRADATION_RULES.md).</summary>
public sealed record NamedRule(string Name, RollbackCondition Rule);

/// <summary>The meta-user set (or replaced) a deployment-wide rule: it watches every activation of the deployment.</summary>
public sealed record DegradationRuleSet(string DeploymentId, string Name, RollbackCondition Rule, string Reason, string By);

/// <summary>The meta-user removed a deployment-wide rule.</summary>
public sealed record DegradationRuleRemoved(string DeploymentId, string Name, string Reason, string By);

/// <summary>
/// The rollback conditions of the recommendation an activation came from, now watching that activation; recorded by the
/// first evaluation after the activation, so the audit shows which rules guarded which activation.
/// </summary>
public sealed record ActivationRulesArmed(string DeploymentId, int Activation, int ConfigVersion, string RecommendationId, IReadOnlyList<NamedRule> Rules);

/// <summary>A deployment's degradation rules, stream <c>rules:&lt;deployment&gt;</c>: its own rules and those armed for the latest activation.</summary>
public sealed record DegradationRules(
    string Id,
    string DeploymentId,
    IReadOnlyList<NamedRule> Global,
    ActivationRulesArmed? Armed,
    long Version)
{
    public static string StreamKey(string deploymentId) => $"rules:{deploymentId}";

    public static DegradationRules Empty(string deploymentId) => new(StreamKey(deploymentId), deploymentId, [], null, 0);

    public DegradationRules Apply(DegradationRuleSet e) =>
        this with { Global = [.. Global.Where(r => r.Name != e.Name).Append(new NamedRule(e.Name, e.Rule)).OrderBy(r => r.Name, StringComparer.Ordinal)] };

    public DegradationRules Apply(DegradationRuleRemoved e) => this with { Global = [.. Global.Where(r => r.Name != e.Name)] };

    public DegradationRules Apply(ActivationRulesArmed e) => this with { Armed = e };

    /// <summary>The rules watching <paramref name="activation"/>: the ones armed for it first, then the deployment's own, by name.</summary>
    public IReadOnlyList<NamedRule> InForce(int activation) =>
        [.. Armed is { } armed && armed.Activation == activation ? armed.Rules : [], .. Global];
}
