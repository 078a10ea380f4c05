using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Agents.Teacher.Search.Recording;

/// <summary>
/// Appends a search's trials to its stream in batches (one transaction per batch of <see cref="BatchSize"/>, and at the
/// end of each fold), and passes every trial on to the console's observer.
/// </summary>
internal sealed class JournalingObserver(SearchJournal journal, ISearchObserver? inner) : ISearchObserver
{
    public const int BatchSize = 100;
    private readonly List<SearchTrialRecorded> _pending = [];
    private int? _fold;

    public async ValueTask TrialAsync(SearchTrialRecorded trial, SearchProgress progress, CancellationToken ct)
    {
        if (_fold is { } fold && fold != progress.Fold)
            await FlushAsync(ct);
        _fold = progress.Fold;
        _pending.Add(trial);
        if (_pending.Count >= BatchSize)
            await FlushAsync(ct);
        if (inner is not null)
            await inner.TrialAsync(trial, progress, ct);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0)
            return;
        var outcome = await journal.RecordTrialsAsync([.. _pending], ct);
        if (outcome.Status != TunerStatus.Accepted)
            throw new InvalidOperationException($"the search's trials could not be recorded: {outcome.Describe()}");
        _pending.Clear();
    }
}
