using System.Text.Json;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class StatisticsJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Stored_aggregates_are_camel_case_sums_only()
    {
        Assert.Equal("""{"count":3,"sum":6,"sumOfSquares":14}""", JsonSerializer.Serialize(new SampleMoments(3, 6, 14), Web));
        Assert.Equal(
            """{"count":2,"baselineSum":1,"baselineSumOfSquares":1,"treatmentSum":3,"treatmentSumOfSquares":5,"differenceSum":2,"differenceSumOfSquares":2}""",
            JsonSerializer.Serialize(PairedMoments.FromPairs([(0.0, 1.0), (1.0, 2.0)]), Web));
        Assert.Equal("""{"pairs":10,"bothSucceeded":4,"baselineOnly":1,"treatmentOnly":3}""",
            JsonSerializer.Serialize(new PairedBinaryCounts(10, 4, 1, 3), Web));
    }

    [Fact]
    public void A_paired_result_round_trips_and_a_degenerate_t_is_null()
    {
        var result = PairedTTest.Run(PairedMoments.FromPairs(SleepData.Drug1.Select(v => (v, v + 1))));
        var json = JsonSerializer.Serialize(result, Web);

        Assert.Contains("\"t\":null", json, StringComparison.Ordinal);
        Assert.Equal(result, JsonSerializer.Deserialize<MeanDifferenceTest>(json, Web));
    }

    [Fact]
    public void Enums_are_written_as_camel_case_names()
    {
        var result = McNemarTest.Run(new PairedBinaryCounts(50, 20, 12, 2));

        Assert.StartsWith("""{"method":"exactBinomial",""", JsonSerializer.Serialize(result, Web), StringComparison.Ordinal);
        Assert.Equal("\"twoSample\"", JsonSerializer.Serialize(PowerDesign.TwoSample, Web));
    }
}
