using SelfLearn.Agents.Teacher.Calibration;
using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Judging.Llm;

namespace SelfLearn.Agents.Tests.Teacher.Calibration;

/// <summary>The calibration workflow over a judge that answers from a script: the matrix, the agreement and the failures.</summary>
public sealed class CalibrateJudgeTests
{
    private sealed class ScriptedJudge(Dictionary<string, JudgeLabel?> labels) : IAnswerJudge
    {
        public string Name => "scripted";

        public string Version => "s1";

        public Task<JudgeScore> JudgeAsync(JudgeInput input, CancellationToken ct) =>
            labels[input.Question] is { } label
                ? Task.FromResult(new JudgeScore(Name, Version, label, null, label == JudgeLabel.Unsupported, 1, label == JudgeLabel.Unsupported ? 0 : 1, []))
                : throw new JudgeFailedException(Name, 3, new JudgeReplyRejectedException("$", "holds no JSON object."));
    }

    private static CalibrationItem Item(string id, JudgeLabel label) => new(id, id, [], "a", false, "g", true, label);

    [Fact]
    public async Task Rows_are_hand_labels_columns_the_judge_and_failures_stay_out_of_the_agreement()
    {
        var items = new[]
        {
            Item("s1", JudgeLabel.Supported), Item("s2", JudgeLabel.Supported), Item("u1", JudgeLabel.Unsupported),
            Item("u2", JudgeLabel.Unsupported), Item("a1", JudgeLabel.Abstained), Item("x1", JudgeLabel.Abstained),
        };
        var judge = new ScriptedJudge(new()
        {
            ["s1"] = JudgeLabel.Supported, ["s2"] = JudgeLabel.Unsupported, ["u1"] = JudgeLabel.Unsupported,
            ["u2"] = JudgeLabel.Unsupported, ["a1"] = JudgeLabel.Abstained, ["x1"] = null,
        });
        var progress = new List<(int, int)>();

        var run = await CalibrateJudge.ScoreAsync(judge, [new CalibrationSplit("tuning", items)], new SynchronousProgress<(int, int)>(progress.Add), CancellationToken.None);

        var report = Assert.Single(run.Splits);
        Assert.Equal(("scripted", "s1"), (run.Judge, run.JudgeVersion));
        Assert.Equal([JudgeLabel.Supported, JudgeLabel.Unsupported, JudgeLabel.Abstained], run.Labels);
        Assert.Equal(("tuning", 6, 5, 1), (report.Split, report.Items, report.Judged, report.Failed));
        Assert.Equal([[1L, 1, 0], [0, 2, 0], [0, 0, 1]], report.Confusion);
        Assert.Equal(0.8, report.Accuracy, 12);
        // By hand: p_o = 4/5; rows 2, 2, 1 and columns 1, 3, 1: p_e = (2 + 6 + 1)/25 = 9/25; κ = (20 − 9)/(25 − 9) = 11/16.
        Assert.Equal(11.0 / 16, report.Kappa!.Value, 12);
        Assert.Null(report.Results.Single(r => r.Id == "x1").Judged);
        Assert.Contains("holds no JSON object", report.Results.Single(r => r.Id == "x1").Error, StringComparison.Ordinal);
        Assert.Equal([(1, 6), (2, 6), (3, 6), (4, 6), (5, 6), (6, 6)], progress);
    }

    [Fact]
    public async Task Each_split_is_measured_on_its_own_items_and_progress_counts_across_splits()
    {
        var tuning = new[] { Item("t1", JudgeLabel.Supported), Item("t2", JudgeLabel.Unsupported) };
        var heldOut = new[] { Item("h1", JudgeLabel.Supported), Item("h2", JudgeLabel.Unsupported), Item("h3", JudgeLabel.Abstained) };
        var judge = new ScriptedJudge(new()
        {
            ["t1"] = JudgeLabel.Supported, ["t2"] = JudgeLabel.Unsupported,
            ["h1"] = JudgeLabel.Unsupported, ["h2"] = JudgeLabel.Unsupported, ["h3"] = JudgeLabel.Abstained,
        });
        var progress = new List<(int, int)>();

        var run = await CalibrateJudge.ScoreAsync(judge,
            [new CalibrationSplit(CalibrationSplits.Tuning, tuning), new CalibrationSplit(CalibrationSplits.HeldOut, heldOut)],
            new SynchronousProgress<(int, int)>(progress.Add), CancellationToken.None);

        Assert.Equal([CalibrationSplits.Tuning, CalibrationSplits.HeldOut], run.Splits.Select(s => s.Split));
        Assert.Equal([[1L, 0, 0], [0, 1, 0], [0, 0, 0]], run.Splits[0].Confusion);
        Assert.Equal((1.0, 1.0), (run.Splits[0].Accuracy, run.Splits[0].Kappa!.Value));
        Assert.Equal([[0L, 1, 0], [0, 1, 0], [0, 0, 1]], run.Splits[1].Confusion);
        Assert.Equal(2.0 / 3, run.Splits[1].Accuracy, 12);
        // By hand: p_o = 2/3; rows 1, 1, 1 and columns 0, 2, 1: p_e = (0 + 2 + 1)/9 = 1/3; κ = (2/3 − 1/3)/(1 − 1/3) = 1/2.
        Assert.Equal(0.5, run.Splits[1].Kappa!.Value, 12);
        Assert.Equal(["h1", "h2", "h3"], run.Splits[1].Results.Select(r => r.Id));
        Assert.Equal([(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)], progress);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
