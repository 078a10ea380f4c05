using System.Text.Json;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Approvals;

namespace SelfLearn.Domain.Tuner;

/// <summary>
/// The Tuner's check of an approval a version creation or activation names: it exists, a meta-user approved it, it is
/// for this deployment and exactly this change set (the same factors with the same values), and it has not been used.
/// An approval spent on creating a version also covers activating that same version, without a second use.
/// </summary>
public static class ApprovalRules
{
    /// <summary>The violations (every one), and the use to record when there are none and the approval is not already this version's.</summary>
    public static (IReadOnlyList<Violation> Violations, ApprovalUsed? Use) Check(
        string approvalId,
        Approval? approval,
        string deploymentId,
        int configVersion,
        string usedFor,
        IReadOnlyList<ParameterChange> changeSet,
        string by)
    {
        if (approval is null)
            return ([new Violation("approvalId", ViolationRule.UnknownApproval,
                $"no approval '{Show(approvalId)}': request one for the recommendation (POST /api/approvals) and have a meta-user approve it.")], null);
        if (usedFor == ApprovalUses.ActivateVersion && approval.Use is { UsedFor: ApprovalUses.CreateVersion } use
            && use.DeploymentId == deploymentId && use.ConfigVersion == configVersion)
            return ([], null);

        var violations = new List<Violation>();
        if (approval.Status is ApprovalStatus.Pending or ApprovalStatus.Declined)
            violations.Add(new Violation("approvalId", ViolationRule.ApprovalNotGranted, approval.Status == ApprovalStatus.Pending
                ? $"approval '{approval.ApprovalId}' is still pending: a meta-user has not approved it."
                : $"approval '{approval.ApprovalId}' was declined by {approval.DecidedBy}: {approval.DecisionReason}"));
        if (approval.Use is { } spent)
            violations.Add(new Violation("approvalId", ViolationRule.ApprovalUsed,
                $"approval '{approval.ApprovalId}' was already used ({spent.UsedFor}) for version {spent.ConfigVersion} of '{spent.DeploymentId}': an approval is used once."));
        if (approval.DeploymentId != deploymentId)
            violations.Add(new Violation("approvalId", ViolationRule.ApprovalMismatch,
                $"approval '{approval.ApprovalId}' is for deployment '{approval.DeploymentId}', not '{deploymentId}'."));
        else
            violations.AddRange(Mismatches(approval, changeSet));

        return violations.Count > 0
            ? (violations, null)
            : ([], new ApprovalUsed(approval.ApprovalId, deploymentId, configVersion, usedFor, by));
    }

    private static IEnumerable<Violation> Mismatches(Approval approval, IReadOnlyList<ParameterChange> changeSet)
    {
        var changed = changeSet.Where(c => c.To is not null).ToDictionary(c => c.Key, c => c.To!.Value, StringComparer.Ordinal);
        foreach (var key in approval.Changes.Keys.Union(changed.Keys).Order(StringComparer.Ordinal))
        {
            var approved = approval.Changes.TryGetValue(key, out var a) ? a : (JsonElement?)null;
            var proposed = changed.TryGetValue(key, out var p) ? p : (JsonElement?)null;
            var message = (approved, proposed) switch
            {
                (null, { } to) => $"{key} → {Show(to)} is not in approval '{approval.ApprovalId}'.",
                ({ } to, null) => $"approval '{approval.ApprovalId}' sets {key} to {Show(to)}, and this change does not.",
                ({ } to, { } other) when !JsonElement.DeepEquals(to, other) =>
                    $"approval '{approval.ApprovalId}' sets {key} to {Show(to)}, not {Show(other)}.",
                _ => null,
            };
            if (message is not null)
                yield return new Violation(key, ViolationRule.ApprovalMismatch, message);
        }
    }

    private static string Show(JsonElement value) => Show(value.GetRawText());

    private static string Show(string text) => text.Length > 60 ? text[..60] + "…" : text;
}

/// <summary>The approval check of a configuration write: none when its links name no approval.</summary>
internal static class Approvals
{
    public static (IReadOnlyList<Violation> Violations, ApprovalUsed? Use) Check(
        ChangeLinks links, Approval? approval, string deploymentId, int configVersion, string usedFor, IReadOnlyList<ParameterChange> changeSet, string by) =>
        string.IsNullOrWhiteSpace(links.ApprovalId)
            ? ([], null)
            : ApprovalRules.Check(links.ApprovalId, approval, deploymentId, configVersion, usedFor, changeSet, by);
}
