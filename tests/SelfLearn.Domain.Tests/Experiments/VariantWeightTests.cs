using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Statistics;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.Experiments.ExperimentHistory;

namespace SelfLearn.Domain.Tests.Experiments;

public sealed class VariantWeightTests
{
    private static readonly string[] Units = [.. Enumerable.Range(0, 10_000).Select(i => $"user-{i}")];

    /// <summary>
    /// Units per variant of "exp-split" over user-0 … user-9999, computed outside .NET (Python's hashlib):
    /// h = int.from_bytes(sha256(f"exp-split\n{unit}").digest()[:8], "big"); without weights h % 3, with weights the
    /// position (h >> 11) / 2**53 against the cumulative normalised weights.
    /// </summary>
    public static TheoryData<double?[], long[]> PinnedSplits => new()
    {
        { [null, null, null], [3309, 3351, 3340] },
        { [1, 3], [2472, 7528] },
        { [0.2, 0.3, 0.5], [1963, 3107, 4930] },
        { [1, 1], [5070, 4930] },
    };

    [Theory]
    [MemberData(nameof(PinnedSplits))]
    public void Units_split_by_the_configured_weights_exactly_as_computed_outside_dotnet(double?[] weights, long[] expected)
    {
        var counts = new long[weights.Length];
        foreach (var unit in Units)
            counts[VariantAssignment.Index("exp-split", unit, weights)]++;

        Assert.Equal(expected, counts);
        Assert.False(SampleRatioMismatch.Test(counts, VariantAssignment.PlannedShares(weights)).IsMismatch);
    }

    [Fact]
    public void Without_weights_an_experiment_keeps_the_modulo_assignment_it_had()
    {
        var experiment = Given(Registered());
        // Python: int.from_bytes(sha256(b"exp-1\nuser-0").digest()[:8], "big") % 2 for user-0 … user-5
        string[] expected = ["fewer", "control", "control", "control", "control", "control"];
        Assert.Equal(expected, Enumerable.Range(0, 6).Select(i => VariantAssignment.Assign(experiment, $"user-{i}").Name));
    }

    [Fact]
    public void A_registered_weight_is_kept_on_the_variant_and_changes_the_design_hash()
    {
        var plain = Registered();
        var weighted = Registered(variants: [new("control", 1, null, 1), new("fewer", 2, null, 3)]);

        Assert.Equal([1.0, 3.0], weighted.Design!.Variants.Select(v => v.Weight!.Value));
        Assert.Equal([null, null], plain.Design!.Variants.Select(v => v.Weight));
        Assert.NotEqual(plain.DesignSha256, weighted.DesignSha256);
        Assert.Contains("""{"configVersion":2,"name":"fewer","role":"treatment","weight":3}""",
            System.Text.Encoding.UTF8.GetString(DesignHash.CanonicalJson(weighted.Design)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_weight_is_a_finite_number_above_0(double weight)
    {
        var violation = OnlyViolation(DesignProposal.None, [new("control", 1, null, 1), new("fewer", 2, null, weight)]);
        Assert.Equal(("variants[1].weight", ViolationRule.OutOfRange), (violation.Key, violation.Rule));
    }

    [Fact]
    public void Every_variant_has_a_weight_or_none_has()
    {
        var violation = OnlyViolation(DesignProposal.None, [new("control", 1, null, 1), new("fewer", 2)]);
        Assert.Equal(("variants", "give every variant a weight or none (an equal split); 1 of 2 have one."), (violation.Key, violation.Message));
    }
}
