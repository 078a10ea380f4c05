using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>Where a search stands after a trial: its fold, the budget spent in it, and the fold's best feasible full-fidelity objective so far.</summary>
public sealed record SearchProgress(int Fold, int Folds, double Spent, int Budget, int Evaluations, double? Best);

/// <summary>Told of every trial as it is scored, in order (a recorder appends them to the search's stream; a console draws a bar).</summary>
public interface ISearchObserver
{
    ValueTask TrialAsync(SearchTrialRecorded trial, SearchProgress progress, CancellationToken ct);
}
