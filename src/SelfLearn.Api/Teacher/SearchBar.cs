using System.Globalization;
using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Domain.Teacher.Search;
using Spectre.Console;

namespace SelfLearn.Api.Teacher;

/// <summary>One bar per fold, filled by the budget its trials spent, its label showing the fold's best objective so far.</summary>
public sealed class SearchBar(ProgressContext context) : ISearchObserver
{
    private readonly Dictionary<int, (ProgressTask Bar, double Spent)> _bars = [];

    public ValueTask TrialAsync(SearchTrialRecorded trial, SearchProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (!_bars.TryGetValue(progress.Fold, out var fold))
            fold = (context.AddTask(Label(progress, null), maxValue: progress.Budget), 0);
        fold.Bar.Increment(progress.Spent - fold.Spent);
        fold.Bar.Description = Label(progress, progress.Best);
        _bars[progress.Fold] = (fold.Bar, progress.Spent);
        return ValueTask.CompletedTask;
    }

    private static string Label(SearchProgress progress, double? best) =>
        string.Create(CultureInfo.InvariantCulture, $"fold {progress.Fold}/{progress.Folds}, {progress.Evaluations} trials, best {(best is { } b ? b.ToString("0.0000", CultureInfo.InvariantCulture) : "-")}");
}
