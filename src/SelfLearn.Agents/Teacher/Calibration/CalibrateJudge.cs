using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Judging.Llm;

namespace SelfLearn.Agents.Teacher.Calibration;

/// <summary>One item's hand label and what the judge said; <c>Error</c> when the judge gave no valid score.</summary>
public sealed record CalibrationResult(string Id, JudgeLabel Expected, JudgeLabel? Judged, JudgeScore? Score, string? Error);

/// <summary>
/// The judge against the hand labels of one split: rows of <c>Confusion</c> are the hand labels and columns the
/// judge's, both in the run's <c>Labels</c> order. Items the judge could not score count in <c>Failed</c> and not in
/// the agreement.
/// </summary>
public sealed record CalibrationReport(
    string Split,
    string About,
    int Items,
    int Judged,
    int Failed,
    double Accuracy,
    double? Kappa,
    long[][] Confusion,
    IReadOnlyList<CalibrationResult> Results);

/// <summary>One judge over the splits of a calibration set, each measured on its own (never pooled).</summary>
public sealed record CalibrationRun(string Judge, string JudgeVersion, IReadOnlyList<JudgeLabel> Labels, IReadOnlyList<CalibrationReport> Splits);

/// <summary>
/// judge-calibrate: runs a judge (the configured one, or the kind asked for) over a calibration set and measures its
/// agreement with the hand labels per split (docs/JUDGE.md). Scores go through the judge's cache, so a second run is free.
/// </summary>
public sealed class CalibrateJudge(Judges judges)
{
    /// <param name="split">Only this split of the set; null for all of them.</param>
    /// <param name="progress">Receives (items judged, items to judge).</param>
    public Task<CalibrationRun> RunAsync(string setPath, string? kind, string? split, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var all = CalibrationSet.LoadSplits(setPath);
        var splits = split is null ? all : all.Where(s => s.Name == split).ToList();
        if (splits.Count == 0)
            throw new CalibrationSetException($"the set has no split '{split}'; its splits: {string.Join(", ", all.Select(s => s.Name))}.");
        return ScoreAsync(judges.Create(kind), splits, progress, ct);
    }

    public static async Task<CalibrationRun> ScoreAsync(
        IAnswerJudge judge, IReadOnlyList<CalibrationSplit> splits, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(splits);
        var labels = Enum.GetValues<JudgeLabel>();
        var total = splits.Sum(s => s.Items.Count);
        var done = 0;
        var reports = new List<CalibrationReport>(splits.Count);
        foreach (var split in splits)
        {
            var matrix = new ConfusionMatrix(labels.Length);
            var results = new List<CalibrationResult>(split.Items.Count);
            foreach (var item in split.Items)
            {
                results.Add(await JudgeAsync(judge, item, ct).ConfigureAwait(false));
                if (results[^1].Judged is { } judged)
                    matrix.Add((int)item.Label, (int)judged);
                progress?.Report((++done, total));
            }

            var failed = results.Count(r => r.Judged is null);
            reports.Add(new CalibrationReport(split.Name, split.About, split.Items.Count, split.Items.Count - failed, failed,
                matrix.Accuracy, matrix.Kappa, matrix.Rows, results));
        }
        return new CalibrationRun(judge.Name, judge.Version, labels, reports);
    }

    private static async Task<CalibrationResult> JudgeAsync(IAnswerJudge judge, CalibrationItem item, CancellationToken ct)
    {
        try
        {
            var score = await judge.JudgeAsync(item.ToInput(), ct).ConfigureAwait(false);
            return new CalibrationResult(item.Id, item.Label, score.Label, score, null);
        }
        catch (JudgeFailedException e)
        {
            return new CalibrationResult(item.Id, item.Label, null, null, e.Message);
        }
    }
}
