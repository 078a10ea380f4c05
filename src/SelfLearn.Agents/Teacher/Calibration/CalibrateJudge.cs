using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Judging.Llm;

namespace SelfLearn.Agents.Teacher.Calibration;

/// <summary>One item's hand label and what the judge said; <c>Error</c> when the judge gave no valid score.</summary>
public sealed record CalibrationResult(string Id, JudgeLabel Expected, JudgeLabel? Judged, JudgeScore? Score, string? Error);

/// <summary>
/// The judge against the hand labels: rows of <c>Confusion</c> are the hand labels and columns the judge's, both in
/// <c>Labels</c> order. Items the judge could not score count in <c>Failed</c> and not in the agreement.
/// </summary>
public sealed record CalibrationReport(
    string Judge,
    string JudgeVersion,
    int Items,
    int Judged,
    int Failed,
    double Accuracy,
    double? Kappa,
    IReadOnlyList<JudgeLabel> Labels,
    long[][] Confusion,
    IReadOnlyList<CalibrationResult> Results);

/// <summary>
/// judge-calibrate: runs a judge (the configured one, or the kind asked for) over a calibration set and measures its
/// agreement with the hand labels (docs/JUDGE.md). Scores go through the judge's cache, so a second run is free.
/// </summary>
public sealed class CalibrateJudge(Judges judges)
{
    /// <param name="progress">Receives (items judged, items in the set).</param>
    public Task<CalibrationReport> RunAsync(string setPath, string? kind, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var items = CalibrationSet.Load(setPath);
        return ScoreAsync(judges.Create(kind), items, progress, ct);
    }

    public static async Task<CalibrationReport> ScoreAsync(
        IAnswerJudge judge, IReadOnlyList<CalibrationItem> items, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(items);
        var labels = Enum.GetValues<JudgeLabel>();
        var matrix = new ConfusionMatrix(labels.Length);
        var results = new List<CalibrationResult>(items.Count);
        foreach (var item in items)
        {
            try
            {
                var score = await judge.JudgeAsync(item.ToInput(), ct).ConfigureAwait(false);
                matrix.Add((int)item.Label, (int)score.Label);
                results.Add(new CalibrationResult(item.Id, item.Label, score.Label, score, null));
            }
            catch (JudgeFailedException e)
            {
                results.Add(new CalibrationResult(item.Id, item.Label, null, null, e.Message));
            }
            progress?.Report((results.Count, items.Count));
        }

        var failed = results.Count(r => r.Judged is null);
        return new CalibrationReport(judge.Name, judge.Version, items.Count, items.Count - failed, failed,
            matrix.Accuracy, matrix.Kappa, labels, matrix.Rows, results);
    }
}
