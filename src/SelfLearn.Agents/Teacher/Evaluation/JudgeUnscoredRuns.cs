using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Evaluation;

/// <summary>Scores every answered, unscored run of an experiment with the configured judge, page by page.</summary>
public sealed class JudgeUnscoredRuns(RunsToJudge runs, JudgeScoreStore scores, IAnswerJudge judge)
{
    private const int Page = 200;

    public JudgeRef Judge => new(judge.Name, judge.Version);

    /// <returns>How many runs were scored.</returns>
    public async Task<int> RunAsync(string experimentId, IProgress<EvaluationProgress>? progress, CancellationToken ct)
    {
        var scored = 0;
        while (await runs.NextAsync(new MetricScope(experimentId), Judge, Page, ct) is { Count: > 0 } page)
        {
            var batch = new List<RunJudgeScore>(page.Count);
            foreach (var run in page)
                batch.Add(new RunJudgeScore(run.RunId, await judge.JudgeAsync(run.Input, ct)));
            await scores.WriteAsync(batch, ct);
            scored += batch.Count;
            progress?.Report(new EvaluationProgress("judging", scored));
        }
        return scored;
    }
}
