using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.Experiments.ExperimentHistory;

namespace SelfLearn.Domain.Tests.Experiments;

public sealed class RegisterExperimentTests
{
    private static PrimaryMetricProposal Precision(double effect = 0.05, EffectScale scale = EffectScale.Absolute, PriorProposal? prior = null) =>
        new("retrieval.delivered_precision", null, new MinimumEffectProposal(effect, scale), prior);

    [Fact]
    public void Without_design_fields_the_first_variant_is_the_baseline_and_every_default_applies()
    {
        var registered = Registered();
        var design = registered.Design!;

        Assert.Equal([VariantRole.Baseline, VariantRole.Treatment], design.Variants.Select(v => v.Role!.Value));
        Assert.Equal(design.Variants, registered.Variants);
        Assert.Equal((0.05, 0.8, ExperimentMode.Offline, AnalysisKind.Paired), (design.Alpha, design.Power, design.Mode, design.Analysis));
        Assert.Null(design.Dataset);
        Assert.Null(design.Hypothesis);
        Assert.Null(design.PlannedSampleSize);
        Assert.Empty(design.PrimaryMetrics);
        Assert.Empty(design.GuardMetrics);
        Assert.Empty(design.Segments);
        Assert.Equal(DesignHash.Of(design), registered.DesignSha256);
    }

    [Fact]
    public void A_full_design_is_recorded_with_directions_from_the_registry_and_its_planned_sample_size()
    {
        var registered = Registered(new DesignProposal(
            new HypothesisProposal("Fewer items raise delivered precision", "hyp-1"),
            [Precision(prior: new PriorProposal(0.2, null, PriorSource.Pilot))],
            [new GuardMetricProposal("latency.total_ms", 0.1, null, 800)],
            0.05, 0.8, ExperimentMode.Offline, new DatasetProposal("tiny", 1), ["kind:multi-hop", "persona:ana"]));
        var design = registered.Design!;

        Assert.Equal(new ExperimentHypothesis("Fewer items raise delivered precision", "hyp-1"), design.Hypothesis);
        var primary = Assert.Single(design.PrimaryMetrics);
        Assert.Equal(MetricDirection.HigherIsBetter, primary.Direction);
        Assert.Equal(new GuardMetric("latency.total_ms", MetricDirection.LowerIsBetter, 0.1, null, 800), Assert.Single(design.GuardMetrics));
        Assert.Equal(Tiny, design.Dataset);
        Assert.Equal(["kind:multi-hop", "persona:ana"], design.Segments);
        // exact noncentral t (PowerAnalysis): d = 0.05/0.2 = 0.25 paired needs 128 pairs (the normal approximation gives 125.58)
        Assert.Equal(128, design.PlannedSampleSize!.PerVariant);
        Assert.Equal(new MetricSampleSize("retrieval.delivered_precision", 128), Assert.Single(design.PlannedSampleSize.ByMetric));
    }

    [Fact]
    public void A_relative_minimum_effect_is_planned_on_the_prior_mean_and_the_largest_metric_sets_the_plan()
    {
        var design = Registered(new DesignProposal(
            PrimaryMetrics:
            [
                Precision(0.1, EffectScale.Relative, new PriorProposal(0.3, 1.0, null)),
                new("retrieval.delivered_recall", MetricDirection.HigherIsBetter, new MinimumEffectProposal(0.05, EffectScale.Absolute), new(0.2, null, null)),
            ],
            Alpha: 0.01, Power: 0.9, Mode: ExperimentMode.Online)).Design!;

        // unpaired, exact noncentral t (PowerAnalysis, checked against R's power.t.test): d = 0.1/0.3 → 270 per arm, d = 0.05/0.2 → 478
        // (the normal approximation 2 · ((2.575829 + 1.281552) / d)² gives 267.83 and 476.14: the t adds a few units).
        Assert.Equal(AnalysisKind.Unpaired, design.Analysis);
        Assert.Equal([270, 478], design.PlannedSampleSize!.ByMetric.Select(m => m.PerVariant));
        Assert.Equal(478, design.PlannedSampleSize.PerVariant);
        Assert.Equal(PriorSource.Prior, design.PrimaryMetrics[0].Prior!.Source);
    }

    [Fact]
    public void Named_roles_are_kept_and_a_variant_without_one_is_a_treatment()
    {
        var registered = (ExperimentRegistered)Register(DesignProposal.None, TwoVariants(null, VariantRole.Baseline)).Events.Single();
        Assert.Equal([VariantRole.Treatment, VariantRole.Baseline], registered.Design!.Variants.Select(v => v.Role!.Value));
        Assert.Equal("fewer", registered.Design.Baseline.Name);
    }

    [Theory]
    [InlineData(VariantRole.Treatment, VariantRole.Treatment, "none has it")]
    [InlineData(VariantRole.Baseline, VariantRole.Baseline, "2 have it: control, fewer")]
    public void A_design_needs_exactly_one_baseline(VariantRole first, VariantRole second, string why)
    {
        var violation = OnlyViolation(DesignProposal.None, TwoVariants(first, second));
        Assert.Equal(("variants", ViolationRule.InvalidDefinition), (violation.Key, violation.Rule));
        Assert.Contains(why, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_metric_is_named()
    {
        var violation = OnlyViolation(new DesignProposal(PrimaryMetrics: [new("retrieval.recall@7", null, new(0.1, EffectScale.Absolute), null)]));
        Assert.Equal(("primaryMetrics[0].metric", "unknown metric 'retrieval.recall@7' (docs/METRICS.md lists the metrics)."),
            (violation.Key, violation.Message));
        Assert.Equal("guardMetrics[0].metric",
            OnlyViolation(new DesignProposal(GuardMetrics: [new("latency.total_s", 0.1, null, null)])).Key);
    }

    [Theory]
    [InlineData("kind:gossip", "segment 'kind:gossip': unknown question kind 'gossip'")]
    [InlineData("mood:happy", "segment 'mood:happy': unknown dimension 'mood'")]
    [InlineData("persona", "segment 'persona' is 'all' or 'dimension:value'")]
    public void An_unknown_or_malformed_segment_is_named(string segment, string message)
    {
        var violation = OnlyViolation(new DesignProposal(Segments: ["kind:temporal", segment]));
        Assert.Equal("segments[1]", violation.Key);
        Assert.StartsWith(message, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guard_without_a_limit_is_refused()
    {
        var violation = OnlyViolation(new DesignProposal(GuardMetrics: [new("latency.total_ms", null, null, null)]));
        Assert.Equal(("guardMetrics[0]", "guard 'latency.total_ms' has no limit: give maxRelativeDegradation, maxAbsoluteDegradation or bound."),
            (violation.Key, violation.Message));
    }

    [Theory]
    [InlineData(0.0, "alpha")]
    [InlineData(1.0, "alpha")]
    [InlineData(-0.1, "power")]
    [InlineData(1.5, "power")]
    public void Alpha_and_power_lie_strictly_between_0_and_1(double value, string key)
    {
        var design = key == "alpha" ? new DesignProposal(Alpha: value) : new DesignProposal(Power: value);
        var violation = OnlyViolation(design);
        Assert.Equal((key, ViolationRule.OutOfRange), (violation.Key, violation.Rule));
        Assert.Equal($"'{key}' lies strictly between 0 and 1, not {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", violation.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.02)]
    public void A_minimum_effect_is_above_0(double effect)
    {
        var violation = OnlyViolation(new DesignProposal(PrimaryMetrics: [Precision(effect)]));
        Assert.Equal(("primaryMetrics[0].minimumEffect.value", ViolationRule.OutOfRange), (violation.Key, violation.Rule));
    }

    [Fact]
    public void A_minimum_effect_says_whether_it_is_absolute_or_relative()
    {
        var violation = OnlyViolation(new DesignProposal(PrimaryMetrics: [new("retrieval.mrr", null, new(0.1, null), null)]));
        Assert.Equal("primaryMetrics[0].minimumEffect", violation.Key);
    }

    [Fact]
    public void An_unknown_dataset_version_is_refused_and_an_online_design_names_none()
    {
        var unknown = OnlyViolation(new DesignProposal(Dataset: new DatasetProposal("tiny", 2)));
        Assert.Equal((ViolationRule.UnknownVersion, "no dataset 'tiny' version 2 (GET /api/datasets lists the registered ones)."), (unknown.Rule, unknown.Message));
        Assert.Equal("no dataset 'huge' version 1 (GET /api/datasets lists the registered ones).",
            OnlyViolation(new DesignProposal(Dataset: new DatasetProposal("huge", 1))).Message);
        Assert.Equal("an online experiment runs on real traffic and names no dataset.",
            OnlyViolation(new DesignProposal(Mode: ExperimentMode.Online, Dataset: new DatasetProposal("tiny", 1))).Message);
    }

    [Fact]
    public void A_primary_direction_against_the_registry_is_refused()
    {
        var violation = OnlyViolation(new DesignProposal(PrimaryMetrics:
            [new("answer.hallucination_rate", MetricDirection.HigherIsBetter, new(0.05, EffectScale.Absolute), null)]));
        Assert.Equal("primaryMetrics[0].direction", violation.Key);
        Assert.Contains("lower-is-better", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_effect_with_a_prior_needs_the_baseline_mean()
    {
        var violation = OnlyViolation(new DesignProposal(PrimaryMetrics: [Precision(0.1, EffectScale.Relative, new PriorProposal(0.2, null, null))]));
        Assert.Equal("primaryMetrics[0].prior.mean", violation.Key);
    }

    [Fact]
    public void A_metric_is_either_primary_or_a_guard_and_named_once()
    {
        var twice = Register(new DesignProposal(PrimaryMetrics: [Precision(), Precision()],
            GuardMetrics: [new("retrieval.delivered_precision", 0.1, null, null)])).Violations;
        Assert.Equal(["primaryMetrics[1].metric", "guardMetrics[0].metric"], twice.Select(v => v.Key));
    }

    [Fact]
    public void Every_broken_rule_is_listed_and_nothing_is_registered()
    {
        var decision = Register(new DesignProposal(
            PrimaryMetrics: [new("nope", null, new(0.1, EffectScale.Absolute), null)], GuardMetrics: [new("error.rate", null, null, null)],
            Alpha: 2, Segments: ["kind:gossip"]), TwoVariants(VariantRole.Treatment, VariantRole.Treatment));
        Assert.Empty(decision.Events);
        Assert.Equal(["variants", "alpha", "primaryMetrics[0].metric", "guardMetrics[0]", "segments[0]"], decision.Violations.Select(v => v.Key));
    }

    [Fact]
    public void An_existing_experiment_is_a_conflict()
    {
        var decision = RegisterExperiment.Decide("exp-1", true, Configuration.DeploymentHistory.Given(Configuration.DeploymentHistory.Opened()), "default",
            TwoVariants(), _ => true, AssignmentUnit.User, DesignProposal.None, _ => true, null, "test");
        Assert.Equal("experiment 'exp-1' already exists.", decision.Conflict);
    }
}
