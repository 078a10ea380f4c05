using System.Text;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Domain.Tests.Experiments;

public sealed class DesignHashTests
{
    /// <summary>The canonical form written out by hand: keys sorted, nulls left out, no whitespace.</summary>
    private static readonly string Canonical = """
        {"alpha":0.05,"analysis":"paired","assignmentUnit":"user","dataset":{"name":"tiny","version":1},
        "guardMetrics":[{"direction":"higher","maxAbsoluteDegradation":0.02,"metric":"retrieval.delivered_recall"}],
        "hypothesis":{"id":"hyp-1","text":"Fewer items raise delivered precision"},"mode":"offline",
        "plannedSampleSize":{"byMetric":[{"metric":"retrieval.delivered_precision","perVariant":128}],"perVariant":128},"power":0.8,
        "primaryMetrics":[{"direction":"higher","metric":"retrieval.delivered_precision","minimumEffect":{"scale":"absolute","value":0.05},
        "prior":{"source":"pilot","standardDeviation":0.2}}],"segments":["kind:single-hop"],
        "variants":[{"configVersion":1,"name":"control","role":"baseline"},{"configVersion":2,"name":"fewer","role":"treatment"}]}
        """.ReplaceLineEndings("");

    /// <summary>`printf '%s' "$Canonical" | sha256sum`, computed outside .NET: the hash is the same in every process and build.</summary>
    private const string PinnedSha256 = "0997f38aa84a66a32f0cf4163b3f0a81832e51f938b0e6b38573adefb3bfcb3c";

    private static ExperimentDesign Fixed() => new(
        new ExperimentHypothesis("Fewer items raise delivered precision", "hyp-1"),
        [new ExperimentVariant("control", 1, VariantRole.Baseline), new ExperimentVariant("fewer", 2, VariantRole.Treatment)],
        [new PrimaryMetric("retrieval.delivered_precision", MetricDirection.HigherIsBetter, new MinimumEffect(0.05, EffectScale.Absolute),
            new MetricPrior(0.2, null, PriorSource.Pilot))],
        [new GuardMetric("retrieval.delivered_recall", MetricDirection.HigherIsBetter, null, 0.02, null)],
        0.05, 0.8, ExperimentMode.Offline, new DatasetVersionRef("tiny", 1), AnalysisKind.Paired,
        new PlannedSampleSize(128, [new MetricSampleSize("retrieval.delivered_precision", 128)]), AssignmentUnit.User, ["kind:single-hop"]);

    [Fact]
    public void The_canonical_json_sorts_keys_and_leaves_out_nulls()
    {
        Assert.Equal(Canonical, Encoding.UTF8.GetString(DesignHash.CanonicalJson(Fixed())));
    }

    [Fact]
    public void A_fixed_design_has_a_pinned_hash()
    {
        Assert.Equal(PinnedSha256, DesignHash.Of(Fixed()));
    }

    [Fact]
    public void Any_change_to_the_design_changes_the_hash()
    {
        var design = Fixed();
        Assert.NotEqual(PinnedSha256, DesignHash.Of(design with { Alpha = 0.01 }));
        Assert.NotEqual(PinnedSha256, DesignHash.Of(design with { Dataset = new DatasetVersionRef("tiny", 2) }));
        Assert.NotEqual(PinnedSha256, DesignHash.Of(design with { Variants = [design.Variants[0], design.Variants[1] with { ConfigVersion = 3 }] }));
    }
}
