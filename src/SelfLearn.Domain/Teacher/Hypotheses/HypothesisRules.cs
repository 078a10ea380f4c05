using System.Globalization;
using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Teacher.Proposals.MetricEffect;

namespace SelfLearn.Domain.Teacher.Hypotheses;

/// <summary>
/// The rule-based half of the Teacher's hypotheses: per-segment failures of the current configuration suggest moving
/// one factor one step. A rule proposes a value only if its factor is in the catalog's auto zone and the value is
/// inside the factor's bounds and on its step; a value a verdict already called a loser is not proposed again.
/// </summary>
public static class HypothesisRules
{
    public const string LowMultiHopRecall = "low-multi-hop-recall";
    public const string WrongAbstentions = "wrong-abstentions";
    public const string ImpreciseContext = "imprecise-context";
    public const string CostlyContext = "costly-context";

    private const string DeliveredRecall = "retrieval.delivered_recall";
    private const string DeliveredPrecision = "retrieval.delivered_precision";
    private const string WrongAbstentionRate = "answer.wrong_abstention_rate";
    private const string AbstentionRate = "answer.abstention_rate";
    private const string TotalLatency = "latency.total_ms";
    private const string Cost = "cost.usd";
    private const string TokensIn = "tokens.in";
    private const string MultiHop = "kind:multi-hop";

    private const string TopK = "retrieval.top_k";
    private const string NeighborWeight = "retrieval.neighbor_weight";
    private const string MinScore = "retrieval.min_score";
    private const string MaxTokens = "context.max_tokens";

    public static IReadOnlyList<HypothesisDraft> Propose(
        Findings findings, ProposalBase proposalBase, IReadOnlyDictionary<string, ImpactFactor> catalog, ProposalRuleSettings settings)
    {
        var rules = new RuleContext(findings, proposalBase, catalog, settings);
        var drafts = new List<HypothesisDraft?>();

        if (rules.Observed(DeliveredRecall, MultiHop) is { } multiHop && multiHop.Value < settings.MultiHopRecallBelow)
        {
            var why = $"delivered recall on multi-hop questions is {F(multiHop.Value)} (n={multiHop.Count}), below {F(settings.MultiHopRecallBelow)}";
            drafts.Add(rules.Step(LowMultiHopRecall, NeighborWeight, v => v + settings.RaiseNeighborWeightBy, [multiHop],
                new() { [DeliveredRecall] = Up },
                $"{why}: a memory inheriting more of its adjacent turns' score brings the other hops of a multi-hop answer along."));
            drafts.Add(rules.Step(LowMultiHopRecall, TopK, v => v + settings.RaiseTopKBy, [multiHop],
                new() { [DeliveredRecall] = Up, [DeliveredPrecision] = Down, [TokensIn] = Up },
                $"{why}: delivering more items leaves room for every hop's evidence, at the cost of precision and prompt tokens."));
        }

        if (rules.Observed(WrongAbstentionRate, null) is { } wrong && wrong.Value > settings.WrongAbstentionAbove)
            drafts.Add(rules.Step(WrongAbstentions, MinScore, v => v - settings.LowerMinScoreBy, [wrong],
                new() { [WrongAbstentionRate] = Down, [AbstentionRate] = Down, [DeliveredPrecision] = Down },
                $"the answer abstains on {F(wrong.Value)} of answerable questions (n={wrong.Count}), above {F(settings.WrongAbstentionAbove)}: " +
                "a lower score threshold lets the supporting memories through."));

        if (rules.Observed(DeliveredPrecision, null) is { } precision && precision.Value < settings.PrecisionBelow
            && rules.Observed(DeliveredRecall, null) is { } recall && recall.Value >= settings.RecallAtLeast)
            drafts.Add(rules.Step(ImpreciseContext, TopK, v => v - settings.LowerTopKBy, [precision, recall],
                new() { [DeliveredPrecision] = Up, [DeliveredRecall] = Same, [TokensIn] = Down },
                $"delivered precision is {F(precision.Value)}, below {F(settings.PrecisionBelow)}, while delivered recall is {F(recall.Value)}: " +
                "the evidence is found, so fewer items should carry less noise and keep it."));

        var costly = new[]
        {
            rules.Observed(TotalLatency, null) is { } latency && latency.Value > settings.LatencyAboveMs ? latency : null,
            rules.Observed(Cost, null) is { } cost && cost.Value > settings.CostAboveUsd ? cost : null,
            rules.Observed(TokensIn, null) is { } tokens && tokens.Value > settings.TokensInAbove ? tokens : null,
        }.OfType<SegmentObservation>().ToList();
        if (costly.Count > 0)
            drafts.Add(rules.Step(CostlyContext, MaxTokens, v => v * settings.MaxTokensShare, costly,
                new() { [TokensIn] = Down, [Cost] = Down, [TotalLatency] = Down },
                $"{string.Join(", ", costly.Select(o => $"{o.Metric} is {F(o.Value)}"))} per request, above the limit: " +
                "a smaller context budget sends fewer prompt tokens."));

        return [.. drafts.OfType<HypothesisDraft>()];
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed class RuleContext(
        Findings findings, ProposalBase proposalBase, IReadOnlyDictionary<string, ImpactFactor> catalog, ProposalRuleSettings settings)
    {
        public SegmentObservation? Observed(string metric, string? segment) =>
            findings.Observations.FirstOrDefault(o => o.Metric == metric && o.Segment == segment && o.Count >= settings.MinCount);

        /// <summary>One value, <paramref name="next"/> of the current one, if the catalog allows it; else null.</summary>
        public HypothesisDraft? Step(
            string rule, string key, Func<decimal, decimal> next, IReadOnlyList<SegmentObservation> observations,
            Dictionary<string, MetricEffect> effects, string rationale)
        {
            if (!catalog.TryGetValue(key, out var factor) || factor.Zone != FactorZone.Auto || factor.Type is not (FactorType.Int or FactorType.Float)
                || !proposalBase.Values.TryGetValue(key, out var current) || !current.TryGetDecimal(out var from))
                return null;
            var target = next(from);
            if (key == MaxTokens && factor.Bounds.Step is > 0 and var step)
                target = (factor.Bounds.Min ?? 0) + Math.Floor((target - (factor.Bounds.Min ?? 0)) / step) * step;
            var value = Number(target);
            if (target == from || FactorValueRules.Check(key, factor.Type, factor.Bounds, value).Any() || LostBefore(key, value))
                return null;
            return new HypothesisDraft(proposalBase.DeploymentId, proposalBase.Version, key, target > from ? ChangeDirection.Up : ChangeDirection.Down,
                [value], effects, rationale, Evidence(), observations, ProposalSource.FromRule(rule), findings.ExperimentId);
        }

        private bool LostBefore(string key, JsonElement value) =>
            findings.Verdicts.Any(v => v.Call == VerdictCall.Loser
                && v.Changes.Any(c => c.Key == key && c.To is { } to && JsonElement.DeepEquals(to, value)));

        private string[] Evidence() => [.. new[] { findings.ExperimentId, findings.VerdictId }.OfType<string>()];
    }

    /// <summary>A decimal as the shortest JSON number (2000 × 0.75 is 1500, not 1500.00), so an int factor gets an integer.</summary>
    internal static JsonElement Number(decimal value) =>
        JsonDocument.Parse((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)).RootElement.Clone();
}
