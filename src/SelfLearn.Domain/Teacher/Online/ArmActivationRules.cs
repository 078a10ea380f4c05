namespace SelfLearn.Domain.Teacher.Online;

/// <summary>An activation that came from a recommendation is watched by that recommendation's rollback conditions.</summary>
public static class ArmActivationRules
{
    /// <summary>Armed rules are named <c>&lt;recommendation&gt;:&lt;metric&gt;</c> (a recommendation names a metric once; the meta-user's names hold no ':').</summary>
    public static string RuleName(string recommendationId, string metric) => $"{recommendationId}:{metric}";

    /// <summary>The arming event, or none when this activation is armed already or its recommendation carries no conditions.</summary>
    public static ActivationRulesArmed? Decide(
        DegradationRules? current, string deploymentId, int activation, int configVersion, string recommendationId,
        IReadOnlyList<Recommendations.RollbackCondition> conditions)
    {
        if (current?.Armed?.Activation == activation || conditions.Count == 0)
            return null;
        return new ActivationRulesArmed(deploymentId, activation, configVersion, recommendationId,
            [.. conditions.Select(c => new NamedRule(RuleName(recommendationId, c.Metric), c))]);
    }
}
