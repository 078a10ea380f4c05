using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Teacher.Metrics;
using static SelfLearn.Api.Tests.Teacher.HandMadeRuns;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>Judge scores are stored per run, judge and version; judge-based metrics read one version and count the runs it did not score.</summary>
public sealed class JudgeMetricTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly JudgeRef Offline = new("offline", "1");

    private JudgeScoreStore Store => Host.Services.GetRequiredService<JudgeScoreStore>();

    private static JudgeScore Score(bool? correct, bool hallucinated, int claims, int supported, params int[] used) =>
        new("offline", "1", hallucinated ? JudgeLabel.Unsupported : JudgeLabel.Supported, correct, hallucinated, claims, supported, used);

    [Fact]
    public async Task A_score_is_read_back_as_written_and_a_second_score_of_the_same_judge_version_is_ignored()
    {
        var run = Guid.CreateVersion7();
        var first = new JudgeScore("offline", "1", JudgeLabel.Abstained, null, false, 0, 0, [2, 0]);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(1, await Store.WriteAsync([new RunJudgeScore(run, first)], ct));
        Assert.Equal(1, await Store.WriteAsync([new RunJudgeScore(run, first with { Hallucinated = true }), new RunJudgeScore(run, first with { JudgeVersion = "2" })], ct));

        var read = await Store.ReadAsync([run, Guid.CreateVersion7()], Offline, ct);
        var score = Assert.Single(read);
        Assert.Equal(run, score.Key);
        Assert.Equal((first.Judge, first.JudgeVersion, first.Label, first.Correct, first.Hallucinated, first.Claims, first.SupportedClaims),
            (score.Value.Judge, score.Value.JudgeVersion, score.Value.Label, score.Value.Correct, score.Value.Hallucinated, score.Value.Claims, score.Value.SupportedClaims));
        Assert.Equal([2, 0], score.Value.UsedContextItems);
        Assert.Equal("2", (await Store.ReadAsync([run], new JudgeRef("offline", "2"), ct))[run].JudgeVersion);
    }

    [Fact]
    public async Task Judge_based_metrics_read_the_chosen_version_and_count_unscored_runs_as_missing()
    {
        await Host.RecordSimulationAsync();
        Agents.Student.Telemetry.PipelineRun[] runs =
        [
            Run("a", "alpha/q1", ranked: ["a1", "a3"], delivered: ["a1", "a3"]),
            Run("a", "alpha/q1/f1", ranked: ["a2"], delivered: ["a2"]),
            Run("a", "alpha/q2", ranked: ["a4"], delivered: ["a4"]),
            Run("a", "alpha/q3", ranked: ["a1"], delivered: [], abstained: true),
            Run("a", "beta/q1", ranked: ["b2"], delivered: ["b2"]),
        ];
        await Host.StoreAsync(runs);
        var ct = TestContext.Current.CancellationToken;
        await Store.WriteAsync(
        [
            new RunJudgeScore(runs[0].RunId, Score(true, false, 2, 2, 0)),
            new RunJudgeScore(runs[1].RunId, Score(false, true, 3, 1, 0, 0, 5)),
            new RunJudgeScore(runs[2].RunId, Score(null, false, 0, 0)),
            new RunJudgeScore(runs[3].RunId, new JudgeScore("offline", "1", JudgeLabel.Abstained, true, false, 0, 0, [])),
            new RunJudgeScore(runs[4].RunId, Score(false, true, 1, 0, 0) with { JudgeVersion = "2" }),
        ], ct);

        var result = await Host.Metrics().PerVariantAsync(Request(
            ["answer.correctness", "answer.hallucination_rate", "answer.faithfulness", "context.utilization"], judge: Offline), ct);

        // beta/q1 has only a version-2 score: missing for version 1 in every judge metric.
        // correctness: 1, 0, (no golden verdict: left out), 1.
        Assert.Equal((3L, 2.0, 1L), Sums(result.Find("answer.correctness", "a")));
        // hallucinated: no, yes, no, no.
        Assert.Equal((4L, 1.0, 1L), Sums(result.Find("answer.hallucination_rate", "a")));
        // faithfulness over answers with claims: 2/2, 1/3.
        var faithfulness = result.Find("answer.faithfulness", "a");
        Assert.Equal((2L, 1L), (faithfulness.Count, faithfulness.Missing));
        Assert.Equal(1 + 1.0 / 3, faithfulness.Sum, 12);
        // utilization: item 0 of 2 → 1/2; items {0, 0, 5} of 1 → only 0 exists → 1; nothing of 1 → 0; nothing delivered → left out.
        Assert.Equal((3L, 1.5, 1L), Sums(result.Find("context.utilization", "a")));
    }

    [Fact]
    public async Task Runs_to_judge_are_the_answered_unscored_ones_with_their_delivered_texts_and_golden_answer()
    {
        await Host.RecordSimulationAsync();
        var scored = Run("a", "alpha/q1", ranked: ["a1"], delivered: ["a1"]);
        var first = Run("a", "alpha/q2", ranked: ["a3", "a4"], delivered: ["a3", "a4"], abstained: true);
        var second = Run("b", "alpha/q3", ranked: ["a2"], delivered: ["a2"]);
        await Host.StoreAsync(scored, first, second, Run("b", "beta/q1", ranked: [], delivered: [], answer: null, error: "boom"));
        var ct = TestContext.Current.CancellationToken;
        await Store.WriteAsync([new RunJudgeScore(scored.RunId, Score(true, false, 1, 1, 0))], ct);
        var toJudge = Host.Services.GetRequiredService<RunsToJudge>();

        var scope = new MetricScope(Experiment);
        var runs = (await toJudge.NextAsync(scope, Offline, 10, ct)).ToDictionary(r => r.RunId, r => r.Input);

        Assert.Equal(new[] { first.RunId, second.RunId }.Order(), runs.Keys.Order());
        Assert.Equal(("a question", "an answer", true, "a3", true), (runs[first.RunId].Question, runs[first.RunId].Answer, runs[first.RunId].Abstained,
            runs[first.RunId].GoldenAnswer, runs[first.RunId].Answerable));
        Assert.Equal(["turn a3", "turn a4"], runs[first.RunId].DeliveredContext);
        Assert.Equal(("No cat was mentioned.", false), (runs[second.RunId].GoldenAnswer, runs[second.RunId].Answerable));
        Assert.Single(await toJudge.NextAsync(scope, Offline, 1, ct));
        Assert.Equal(3, (await toJudge.NextAsync(scope, new JudgeRef("offline", "2"), 10, ct)).Count);
        await Store.WriteAsync([new RunJudgeScore(first.RunId, Score(false, false, 0, 0)), new RunJudgeScore(second.RunId, Score(null, true, 1, 0))], ct);
        Assert.Empty(await toJudge.NextAsync(scope, Offline, 10, ct));
    }

    private static (long, double, long) Sums(MetricAggregate a) => (a.Count, a.Sum, a.Missing);
}
