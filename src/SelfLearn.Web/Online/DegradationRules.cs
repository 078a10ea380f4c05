namespace SelfLearn.Web.Online;

/// <summary>A rule's shape (docs/DEGRADATION_RULES.md): relative to the baseline with maxDrop, or absolute with limit.</summary>
public sealed record RuleShape(string Metric, double MaxDrop, int Windows, string? Comparison, double? Limit, int? WindowSeconds, int? MinSamples)
{
    public bool IsAbsolute => Comparison == "absolute";
}

public sealed record NamedRuleRow(string Name, RuleShape Rule);

public sealed record ArmedRulesRow(int Activation, int ConfigVersion, string RecommendationId, List<NamedRuleRow> Rules);

/// <summary>GET /api/deployments/{id}/rules.</summary>
public sealed record RulesAnswer(List<NamedRuleRow> Global, ArmedRulesRow? Armed, long Version);

/// <summary>The body of PUT /api/deployments/{id}/rules/{name}.</summary>
public sealed record RuleRequest(string Metric, string Comparison, double? MaxDrop, double? Limit, int? Windows, int? WindowSeconds, int? MinSamples,
    string Reason, long ExpectedVersion);

public sealed record JudgedWindow(DateTimeOffset Start, DateTimeOffset End, long N, double Mean, double? Reference, double? Limit, string Outcome);

public sealed record BaselineRow(int? ConfigVersion, DateTimeOffset Start, DateTimeOffset End, long N, double? Mean);

public sealed record RuleEvaluationRow(string Rule, RuleShape Condition, bool Fired, BaselineRow? Baseline, List<JudgedWindow> Windows, List<JudgedWindow> FiringWindows);

/// <summary>POST /api/deployments/{id}/rules/evaluate.</summary>
public sealed record EvaluationReport(string DeploymentId, int? Activation, int? ConfigVersion, bool Pinned, string Action, string? Rule, string Detail,
    List<RuleEvaluationRow> Rules);
