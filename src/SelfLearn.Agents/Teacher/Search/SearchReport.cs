using System.Text.Json;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>A configuration's figures: in sample (on the training conversations of the folds it stands for) and out of fold.</summary>
/// <param name="Params">The searched keys only, with values the Tuner accepts as they are.</param>
/// <param name="Folds">The folds the figures are the means over.</param>
public sealed record SearchChoice(IReadOnlyDictionary<string, JsonElement> Params, double Objective, double OutOfFold, int? Trial, IReadOnlyList<int> Folds)
{
    public SearchOutcome ToOutcome() => new(Params, Objective, OutOfFold, Trial);
}

/// <summary>One fold: what it tuned on, what it held out, its winner's and the base configuration's figures on both.</summary>
public sealed record FoldReport(
    int Fold,
    IReadOnlyList<string> Tuned,
    IReadOnlyList<string> HeldOut,
    int WinnerTrial,
    IReadOnlyDictionary<string, JsonElement> WinnerParams,
    double InSample,
    double OutOfFold,
    double BaselineInSample,
    double BaselineOutOfFold,
    IReadOnlyDictionary<string, double> OutOfFoldMetrics,
    IReadOnlyDictionary<string, double> BaselineOutOfFoldMetrics);

/// <summary>
/// What a search found. <see cref="Evaluations"/> counts the trials (the trace); scoring each fold's winner and the base
/// configuration on the held-out conversations adds two evaluations per fold that are not trials.
/// <see cref="OutOfFold"/> and <see cref="BaselineOutOfFold"/> are the nested cross-validation estimates: the mean over
/// all folds of each fold winner's (and of the base configuration's) objective on its held-out conversations.
/// </summary>
public sealed record SearchReport(
    string Strategy,
    string Objective,
    string Direction,
    long Seed,
    int Budget,
    int Evaluations,
    SearchChoice Best,
    SearchChoice Baseline,
    double OutOfFold,
    double BaselineOutOfFold,
    IReadOnlyList<FoldReport> Folds,
    IReadOnlyList<SearchTrialRecorded> Pareto,
    IReadOnlyList<SearchTrialRecorded> Trace,
    double ElapsedMs)
{
    public SearchCompleted ToCompleted(string searchId) => new(searchId, Best.ToOutcome(), Baseline.ToOutcome(), Evaluations, ElapsedMs);
}
