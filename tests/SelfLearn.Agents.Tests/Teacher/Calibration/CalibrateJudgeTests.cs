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

        var report = await CalibrateJudge.ScoreAsync(judge, items, new SynchronousProgress<(int, int)>(progress.Add), CancellationToken.None);

        Assert.Equal(("scripted", "s1", 6, 5, 1), (report.Judge, report.JudgeVersion, report.Items, report.Judged, report.Failed));
        Assert.Equal([[1L, 1, 0], [0, 2, 0], [0, 0, 1]], report.Confusion);
        Assert.Equal(0.8, report.Accuracy, 12);
        // By hand: p_o = 4/5; rows 2, 2, 1 and columns 1, 3, 1: p_e = (2 + 6 + 1)/25 = 9/25; κ = (20 − 9)/(25 − 9) = 11/16.
        Assert.Equal(11.0 / 16, report.Kappa!.Value, 12);
        Assert.Null(report.Results.Single(r => r.Id == "x1").Judged);
        Assert.Contains("holds no JSON object", report.Results.Single(r => r.Id == "x1").Error, StringComparison.Ordinal);
        Assert.Equal([(1, 6), (2, 6), (3, 6), (4, 6), (5, 6), (6, 6)], progress);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
