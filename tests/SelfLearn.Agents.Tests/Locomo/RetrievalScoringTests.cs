using System.Text.Json;
using SelfLearn.Agents.Locomo;

namespace SelfLearn.Agents.Tests.Locomo;

public sealed class RetrievalScoringTests
{
    private static readonly string[] Ranked = ["D1:1", "D2:2", "D1:3", "D3:3", "D4:4", "D5:5"];

    [Fact]
    public void Recall_is_the_share_of_evidence_in_the_top_k_and_hit_whether_any_is()
    {
        var score = RetrievalScoring.Score(1, Ranked, ["D1:3", "D9:9"])!;

        Assert.Equal([0, 0.5, 0.5, 0.5, 0.5], RetrievalScoring.Cutoffs.Select(k => score.Recall[k]));
        Assert.Equal([false, true, true, true, true], RetrievalScoring.Cutoffs.Select(k => score.Hit[k]));
    }

    [Fact]
    public void Duplicate_evidence_and_duplicate_retrievals_count_once() =>
        Assert.Equal(1.0, RetrievalScoring.Score(1, ["D1:1", "D1:1"], ["D1:1", "D1:1"])!.Recall[1]);

    [Fact]
    public void Items_without_evidence_are_not_scored() => Assert.Null(RetrievalScoring.Score(3, Ranked, []));

    [Fact]
    public void The_summary_averages_items_overall_and_per_category()
    {
        var summary = Summarize();

        Assert.Equal(3, summary.Items);
        Assert.Equal(0.5, summary.Recall[1]);
        Assert.Equal(2 / 3.0, summary.Hit[1]);
        Assert.Equal([1, 4], summary.ByCategory.Keys);
        Assert.Equal(2, summary.ByCategory[1].Items);
        Assert.Equal(0.75, summary.ByCategory[1].Recall[1]);
    }

    [Fact]
    public void The_summary_serialises_to_the_evaluation_report_shape()
    {
        var json = JsonSerializer.Serialize(Summarize(), JsonSerializerOptions.Web);

        const string Expected = """
            {"items":3,"recall":{"1":0.5,"5":1,"10":1,"20":1,"50":1},"hit":{"1":0.6666666666666666,"5":1,"10":1,"20":1,"50":1},
            "byCategory":{"1":{"items":2,"recall":{"1":0.75,"5":1,"10":1,"20":1,"50":1},"hit":{"1":1,"5":1,"10":1,"20":1,"50":1}},
            "4":{"items":1,"recall":{"1":0,"5":1,"10":1,"20":1,"50":1},"hit":{"1":0,"5":1,"10":1,"20":1,"50":1}}}}
            """;
        Assert.Equal(Expected.ReplaceLineEndings(string.Empty), json);
    }

    private static RetrievalSummary Summarize() => RetrievalScoring.Summarize(
    [
        RetrievalScoring.Score(1, Ranked, ["D1:1"]),
        RetrievalScoring.Score(1, Ranked, ["D1:1", "D2:2"]),
        RetrievalScoring.Score(4, Ranked, ["D4:4"]),
        RetrievalScoring.Score(3, Ranked, []),
    ]);
}
