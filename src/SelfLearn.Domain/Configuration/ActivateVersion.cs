using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Configuration;

/// <summary>
/// Activation re-checks the target against today's catalog, because bounds and zones may have moved since the
/// version was created; the approval may come with the activation or from the version's own links, and must pass
/// <see cref="ApprovalRules"/> against the changes this activation makes to the active configuration.
/// </summary>
public static class ActivateVersion
{
    public static Decision Decide(
        Deployment deployment,
        IReadOnlyDictionary<string, ImpactFactor> catalog,
        RunnableValues runnable,
        int version,
        StoredVersion? target,
        ChangeLinks requestLinks,
        string reason,
        string by,
        Approval? approval = null,
        LoopWrite? alone = null)
    {
        if (target is null)
            return Decision.Reject([new Violation("version", ViolationRule.UnknownVersion,
                $"deployment '{deployment.Id}' has no version {version}.")]);
        if (deployment.ActiveVersion == version)
            return Decision.Refuse($"version {version} is already active.");

        var (parameters, links) = (target.Parameters, Merge(target.Links, requestLinks));
        // A factor registered after the active version was made counts as being at its default, not as a change.
        var baseline = Parameters.Merge(Catalog.Defaults(catalog), deployment.ActiveParameters);
        var violations = ParameterRules.Check(catalog, baseline, parameters, links.ApprovalId, runnable).ToList();
        var (approvalViolations, use) = Approvals.Check(links, approval, deployment.Id, version, ApprovalUses.ActivateVersion,
            Parameters.Diff(baseline, parameters), by);
        violations.AddRange(approvalViolations);
        if (alone is not null && string.IsNullOrWhiteSpace(links.ApprovalId))
            violations.AddRange(alone.Check(catalog, Parameters.Diff(baseline, parameters), activating: true));
        if (violations.Count > 0)
            return Decision.Reject(violations);

        var activated = new ConfigVersionActivated(
            deployment.Id, version, deployment.ActiveVersion, deployment.Activations + 1, parameters,
            Parameters.Diff(deployment.ActiveParameters, parameters), reason, by, links);
        return use is null ? Decision.Accept(activated) : Decision.Accept(activated, use);
    }

    private static ChangeLinks Merge(ChangeLinks version, ChangeLinks request) => new(
        request.GoalId ?? version.GoalId,
        request.ExperimentId ?? version.ExperimentId,
        request.RecommendationId ?? version.RecommendationId,
        request.ApprovalId ?? version.ApprovalId,
        request.CycleId ?? version.CycleId,
        request.HypothesisId ?? version.HypothesisId,
        request.VerdictId ?? version.VerdictId);
}
