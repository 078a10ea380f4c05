using System.Text.Json;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Teacher.Hypotheses;

/// <summary>
/// A hypothesis is recorded only if every value it proposes passes the Tuner's rules for its factor on top of the base
/// version (type, range, step, allowed, runnable, frozen) and lies in its direction from the base value. The manual
/// zone's approval is not asked here: it is needed to create the version that tests the hypothesis, not to state it.
/// </summary>
public static class ProposeHypothesis
{
    /// <param name="baseParameters">The base version's parameters, or null when the deployment has no such version.</param>
    public static Decision Decide(
        string hypothesisId,
        bool exists,
        HypothesisDraft draft,
        Deployment? deployment,
        IReadOnlyDictionary<string, JsonElement>? baseParameters,
        IReadOnlyDictionary<string, ImpactFactor> catalog,
        RunnableValues runnable,
        string by)
    {
        var violations = new List<Violation>(ProposalRules.Id(hypothesisId));
        var (proposalBase, unknownBase) = ProposalBase.Resolve(draft.DeploymentId, deployment, draft.BaseVersion, baseParameters, catalog);
        if (unknownBase is not null)
            violations.Add(unknownBase);
        violations.AddRange(ProposalRules.Effects(draft.ExpectedEffect));
        violations.AddRange(ProposalRules.Text(draft.Rationale, "rationale"));
        violations.AddRange(ProposalRules.Evidence(draft.Evidence, required: false));
        violations.AddRange(ProposalRules.Reference(draft.ExperimentId, "experimentId"));
        violations.AddRange(Observations(draft.Observations));
        if (!catalog.TryGetValue(draft.Factor ?? "", out var factor))
            violations.Add(new Violation("factor", ViolationRule.UnknownFactor, $"'{ProposalRules.Short(draft.Factor ?? "")}' is not in the impact-factor catalog."));
        else if (proposalBase is not null)
            violations.AddRange(Values(draft, factor, proposalBase, catalog, runnable));

        if (violations.Count > 0)
            return Decision.Reject(violations);
        if (exists)
            return Decision.Refuse($"hypothesis '{hypothesisId}' already exists.");
        return Decision.Accept(new HypothesisProposed(hypothesisId, draft.DeploymentId, proposalBase!.Version, draft.Factor!, draft.Direction,
            proposalBase.Values[draft.Factor!], draft.Values, draft.ExpectedEffect, draft.Rationale, draft.Evidence ?? [], draft.Observations ?? [],
            draft.ExperimentId, draft.Source, by));
    }

    private static IEnumerable<Violation> Values(
        HypothesisDraft draft, ImpactFactor factor, ProposalBase proposalBase, IReadOnlyDictionary<string, ImpactFactor> catalog, RunnableValues runnable)
    {
        if (draft.Values is not { Count: > 0 } || draft.Values.Count > ProposalLimits.MaxValues)
        {
            yield return ProposalRules.Invalid("values", $"'values' holds 1 to {ProposalLimits.MaxValues} values to try.");
            yield break;
        }
        if (draft.Values.Distinct(JsonElementEquality.Instance).Count() < draft.Values.Count)
            yield return ProposalRules.Invalid("values", "'values' names a value more than once.");
        var numeric = factor.Type is FactorType.Int or FactorType.Float;
        if (!Enum.IsDefined(draft.Direction))
            yield return ProposalRules.Invalid("direction", "'direction' is \"up\", \"down\" or \"set\".");
        else if (draft.Direction != ChangeDirection.Set && !numeric)
            yield return ProposalRules.Invalid("direction", $"{factor.Key} is not a number: its direction is 'set', not up or down.");

        var from = proposalBase.Values[factor.Key];
        foreach (var value in draft.Values)
        {
            var single = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [factor.Key] = value };
            var ruled = ParameterRules.Check(catalog, proposalBase.Values, single, approvalId: null, runnable)
                .Where(v => v.Rule != ViolationRule.ApprovalRequired).ToList();
            foreach (var violation in ruled)
                yield return violation;
            if (ruled.Count == 0 && WrongSide(draft.Direction, numeric, from, value) is { } wrongSide)
                yield return wrongSide with { Message = $"{factor.Key}: {wrongSide.Message} (version {proposalBase.Version} has {from.GetRawText()})." };
        }
    }

    private static Violation? WrongSide(ChangeDirection direction, bool numeric, JsonElement from, JsonElement value)
    {
        if (JsonElement.DeepEquals(from, value))
            return new Violation("values", ViolationRule.NoChange, $"{value.GetRawText()} is the base value");
        if (!numeric || direction == ChangeDirection.Set || from.ValueKind != JsonValueKind.Number)
            return null;
        var up = value.GetDecimal() > from.GetDecimal();
        return up == (direction == ChangeDirection.Up)
            ? null
            : ProposalRules.Invalid("values", $"{value.GetRawText()} is not {(direction == ChangeDirection.Up ? "above" : "below")} the base value");
    }

    private static IEnumerable<Violation> Observations(IReadOnlyList<SegmentObservation>? observations)
    {
        if (observations is null)
            yield break;
        if (observations.Count > ProposalLimits.MaxObservations)
        {
            yield return ProposalRules.Invalid("observations", $"'observations' holds at most {ProposalLimits.MaxObservations} items.");
            yield break;
        }
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            if (!MetricRegistry.IsKnown(o.Metric ?? ""))
                yield return ProposalRules.UnknownMetric($"observations[{i}].metric", o.Metric ?? "");
            if (o.Segment is not null && Segments.Validate(o.Segment) is { } badSegment)
                yield return ProposalRules.Invalid($"observations[{i}].segment", badSegment);
            if (!double.IsFinite(o.Value) || o.BaselineValue is { } b && !double.IsFinite(b) || o.Count < 0)
                yield return ProposalRules.Invalid($"observations[{i}]", "an observation's value and baseline value are finite numbers and its count is not negative.");
        }
    }
}
