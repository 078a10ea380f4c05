using System.Text.RegularExpressions;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Teacher.Online;

/// <summary>The meta-user's deployment-wide rules: set (or replace) one by name, or remove it.</summary>
public static partial class SetDegradationRule
{
    public const int MaxRules = 20;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    public static Decision Decide(
        string deploymentId, DegradationRules? current, string name, RollbackCondition rule, int baseWindowSeconds, string reason, string by)
    {
        var violations = new List<Violation>();
        if (!NamePattern().IsMatch(name))
            violations.Add(ProposalRules.Invalid("name",
                $"a rule name is 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit; got '{ProposalRules.Short(name)}'."));
        violations.AddRange(rule.Check("rule", baseWindowSeconds));
        violations.AddRange(ProposalRules.Text(reason, "reason"));
        var rules = current?.Global ?? [];
        if (rules.Count >= MaxRules && rules.All(r => r.Name != name))
            violations.Add(ProposalRules.Invalid("name", $"a deployment holds at most {MaxRules} rules of its own; remove one first."));
        if (violations.Count > 0)
            return Decision.Reject(violations);
        if (rules.Any(r => r.Name == name && r.Rule == rule))
            return Decision.Accept(); // setting a rule to what it is already appends nothing: PUT is idempotent
        return Decision.Accept(new DegradationRuleSet(deploymentId, name, rule, reason, by));
    }

    public static Decision Remove(string deploymentId, DegradationRules? current, string name, string reason, string by)
    {
        if (current?.Global.Any(r => r.Name == name) != true)
            return Decision.Reject([new Violation("name", ViolationRule.InvalidDefinition, $"deployment '{deploymentId}' has no rule '{ProposalRules.Short(name)}'.")]);
        return Decision.Accept(new DegradationRuleRemoved(deploymentId, name, reason, by));
    }
}
