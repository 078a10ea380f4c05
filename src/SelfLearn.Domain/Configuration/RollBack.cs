using System.Text.Json;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Configuration;

/// <summary>
/// Rollback restores a version that passed the Tuner when it was created, so it is never blocked by zones:
/// getting back to a known state must always be possible.
/// </summary>
public static class RollBack
{
    /// <summary>The version a rollback goes to: the named one, or the one active before the current.</summary>
    public static int? Target(Deployment deployment, int? toVersion) => toVersion ?? deployment.PreviousActiveVersion;

    public static Decision Decide(
        Deployment deployment,
        int? toVersion,
        IReadOnlyDictionary<string, JsonElement>? targetParameters,
        string reason,
        string by,
        string? rule,
        ChangeLinks links,
        DegradationEvidence? evidence = null)
    {
        var target = Target(deployment, toVersion);
        if (target is null || deployment.ActiveVersion is null)
            return Decision.Refuse("there is no previous version to roll back to; name one with toVersion.");
        if (target == deployment.ActiveVersion)
            return Decision.Refuse($"version {target} is already active.");
        if (targetParameters is null)
            return Decision.Reject([new Violation("toVersion", ViolationRule.UnknownVersion,
                $"deployment '{deployment.Id}' has no version {target}.")]);

        return Decision.Accept(new ConfigRolledBack(
            deployment.Id, deployment.ActiveVersion.Value, target.Value, deployment.Activations + 1, targetParameters,
            Parameters.Diff(deployment.ActiveParameters, targetParameters), reason, by, rule, links, evidence));
    }
}
