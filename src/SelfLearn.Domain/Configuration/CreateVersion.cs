using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Configuration;

/// <summary>
/// A new version = its parent's parameters (catalog defaults for factors the parent predates) plus the requested
/// changes, accepted only when the Tuner's rules all pass. Creating a version does not activate it.
/// </summary>
public static class CreateVersion
{
    /// <summary>The version a new one derives from: the named one, else the active one, else the latest.</summary>
    public static int Parent(Deployment deployment, int? requestedParent) =>
        requestedParent ?? deployment.ActiveVersion ?? deployment.LatestConfigVersion;

    /// <param name="parentParameters">The parent's parameters, or null when the deployment has no such version.</param>
    /// <param name="approval">The approval <paramref name="links"/> names, as stored, or null when it names none or an unknown one.</param>
    /// <param name="alone">Set when the Manager's loop writes without an approval: its autonomy policy must allow the change.</param>
    public static Decision Decide(
        Deployment deployment,
        IReadOnlyDictionary<string, ImpactFactor> catalog,
        RunnableValues runnable,
        int? requestedParent,
        IReadOnlyDictionary<string, JsonElement>? parentParameters,
        IReadOnlyDictionary<string, JsonElement> changes,
        string reason,
        string initiator,
        string by,
        ChangeLinks links,
        Approval? approval = null,
        LoopWrite? alone = null)
    {
        var parentVersion = Parent(deployment, requestedParent);
        if (parentParameters is null)
            return Decision.Reject([new Violation("parentVersion", ViolationRule.UnknownVersion,
                $"deployment '{deployment.Id}' has no version {parentVersion}.")]);

        var baseline = Parameters.Merge(Catalog.Defaults(catalog), parentParameters);
        var violations = ParameterRules.Check(catalog, baseline, changes, links.ApprovalId, runnable).ToList();
        var proposed = Parameters.Merge(baseline, changes);
        var (approvalViolations, use) = Approvals.Check(links, approval, deployment.Id, deployment.LatestConfigVersion + 1,
            ApprovalUses.CreateVersion, Parameters.Diff(baseline, proposed), by);
        violations.AddRange(approvalViolations);
        if (alone is not null && string.IsNullOrWhiteSpace(links.ApprovalId))
            violations.AddRange(alone.Check(catalog, Parameters.Diff(baseline, proposed), activating: false));
        if (violations.Count > 0)
            return Decision.Reject(violations);

        var diff = Parameters.Diff(parentParameters, proposed);
        if (diff.Count == 0)
            return Decision.Reject([new Violation("parameters", ViolationRule.NoChange,
                $"the requested values equal version {parentVersion}'s: nothing to version.")]);

        var created = new ConfigVersionCreated(
            deployment.Id, deployment.LatestConfigVersion + 1, proposed, parentVersion, diff, reason, initiator, by, links);
        return use is null ? Decision.Accept(created) : Decision.Accept(created, use);
    }
}
