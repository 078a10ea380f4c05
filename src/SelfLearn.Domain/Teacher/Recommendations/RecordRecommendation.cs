using System.Text.Json;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Teacher.Recommendations;

/// <summary>
/// A recommendation is recorded as ready only if the Tuner would accept its changes on top of its base version now:
/// the same <see cref="ParameterRules"/> (type, range, step, allowed, runnable, frozen; a manual-zone change needs its approval later)
/// and no change that changes nothing. Every <c>from</c> must be the base version's value; one that is not means the
/// recommendation was computed against another configuration, so it is refused as stale.
/// </summary>
public static class RecordRecommendation
{
    /// <param name="baseParameters">The base version's parameters, or null when the deployment has no such version.</param>
    public static Decision Decide(
        string recommendationId,
        bool exists,
        RecommendationDraft draft,
        Deployment? deployment,
        IReadOnlyDictionary<string, JsonElement>? baseParameters,
        IReadOnlyDictionary<string, ImpactFactor> catalog,
        RunnableValues runnable,
        string by)
    {
        var violations = new List<Violation>(ProposalRules.Id(recommendationId));
        var (proposalBase, unknownBase) = ProposalBase.Resolve(draft.DeploymentId, deployment, draft.BaseVersion, baseParameters, catalog);
        if (unknownBase is not null)
            violations.Add(unknownBase);
        if (draft.Action != RecommendationDraft.UpdateParams)
            violations.Add(ProposalRules.Invalid("action", $"'action' is \"{RecommendationDraft.UpdateParams}\", the only action a recommendation takes."));
        var changeViolations = ChangeShape(draft.Changes).ToList();
        violations.AddRange(changeViolations);
        violations.AddRange(ProposalRules.Effects(draft.ExpectedEffect));
        violations.AddRange(ProposalRules.Text(draft.Reason, "reason"));
        violations.AddRange(ProposalRules.Evidence(draft.Evidence, required: true));
        violations.AddRange(RollbackCondition.CheckAll(draft.RollbackConditions));
        violations.AddRange(ProposalRules.Reference(draft.ExperimentId, "experimentId"));
        violations.AddRange(ProposalRules.Reference(draft.HypothesisId, "hypothesisId"));
        violations.AddRange(ProposalRules.Reference(draft.ApprovalId, "approvalId"));
        if (proposalBase is not null && changeViolations.Count == 0)
            violations.AddRange(TunerRules(draft, proposalBase, catalog, runnable));

        if (violations.Count > 0)
            return Decision.Reject(violations);
        if (exists)
            return Decision.Refuse($"recommendation '{recommendationId}' already exists.");
        if (Stale(draft.Changes, proposalBase!) is { } stale)
            return Decision.Refuse(stale);

        return Decision.Accept(new RecommendationRecorded(recommendationId, draft.DeploymentId, proposalBase!.Version, draft.Action, draft.Changes,
            draft.ExpectedEffect, draft.Reason, draft.Evidence, draft.RollbackConditions, draft.ExperimentId, draft.HypothesisId, draft.ApprovalId,
            draft.Source, by));
    }

    private static IEnumerable<Violation> ChangeShape(IReadOnlyList<ParameterChange>? changes)
    {
        if (changes is not { Count: > 0 })
        {
            yield return ProposalRules.Invalid("changes", "'changes' names at least one {key, from, to}.");
            yield break;
        }
        if (changes.Count > ProposalLimits.MaxChanges)
        {
            yield return ProposalRules.Invalid("changes", $"'changes' holds at most {ProposalLimits.MaxChanges} changes.");
            yield break;
        }
        for (var i = 0; i < changes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(changes[i].Key))
                yield return ProposalRules.Invalid($"changes[{i}].key", "each change names the factor it changes ('key').");
            if (changes[i].From is null)
                yield return ProposalRules.Invalid($"changes[{i}].from", "each change says the value it starts from ('from'): the base version's value.");
            if (changes[i].To is null)
                yield return ProposalRules.Invalid($"changes[{i}].to", "each change says the value it proposes ('to').");
        }
        foreach (var repeated in changes.Where(c => !string.IsNullOrWhiteSpace(c.Key)).GroupBy(c => c.Key).Where(g => g.Count() > 1))
            yield return ProposalRules.Invalid("changes", $"factor '{ProposalRules.Short(repeated.Key)}' is changed more than once.");
    }

    private static IEnumerable<Violation> TunerRules(
        RecommendationDraft draft, ProposalBase proposalBase, IReadOnlyDictionary<string, ImpactFactor> catalog, RunnableValues runnable)
    {
        var proposed = draft.Changes.ToDictionary(c => c.Key, c => c.To!.Value, StringComparer.Ordinal);
        // A manual-zone change is recorded without an approval: the approval is requested for the recorded recommendation.
        foreach (var violation in ParameterRules.Check(catalog, proposalBase.Values, proposed, draft.ApprovalId, runnable)
                     .Where(v => v.Rule != ViolationRule.ApprovalRequired))
            yield return violation;
        foreach (var change in draft.Changes)
            if (proposalBase.Values.TryGetValue(change.Key, out var current) && JsonElement.DeepEquals(current, change.To!.Value))
                yield return new Violation(change.Key, ViolationRule.NoChange,
                    $"{change.Key} is already {current.GetRawText()} in version {proposalBase.Version}: the change changes nothing.");
    }

    private static string? Stale(IReadOnlyList<ParameterChange> changes, ProposalBase proposalBase)
    {
        var stale = changes
            .Where(c => !JsonElement.DeepEquals(proposalBase.Values[c.Key], c.From!.Value))
            .Select(c => $"{c.Key} is {proposalBase.Values[c.Key].GetRawText()} in version {proposalBase.Version}, not {Show(c.From!.Value)}")
            .ToList();
        return stale.Count == 0
            ? null
            : $"The recommendation is stale: {string.Join("; ", stale)} of deployment '{proposalBase.DeploymentId}'. Recompute it against the current configuration.";
    }

    private static string Show(JsonElement value) =>
        value.GetRawText() is { Length: > 40 } raw ? raw[..40] + "…" : value.GetRawText();
}
