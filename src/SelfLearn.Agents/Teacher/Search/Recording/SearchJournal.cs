using Marten;
using Marten.Services;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Teacher.Search;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Teacher.Search.Recording;

/// <summary>
/// Writes a search's stream: its start, its trials (one at a time or in batches of up to
/// <see cref="RecordSearchTrials.MaxBatch"/>), its end. Each write checks the search's deciders against the summary it
/// reads and appends with optimistic concurrency on the stream's version, so two writers cannot interleave trial
/// numbers: the loser gets a <see cref="TunerStatus.Conflict"/>. A refused write appends nothing.
/// </summary>
/// <param name="listener">Listens to each of the journal's sessions; null for none (a test holds two writes open with it).</param>
public sealed class SearchJournal(IDocumentStore store, CatalogCache catalogCache, IDocumentSessionListener? listener = null)
{
    public static string NewSearchId() => $"search-{Guid.CreateVersion7():N}";

    public async Task<TunerOutcome> StartAsync(SearchStarted started, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(started);
        await using var session = OpenSession();
        var catalog = await catalogCache.GetAsync(session, ct);
        var key = SearchSummary.StreamKey(started.SearchId ?? "");
        var exists = await session.Events.FetchStreamStateAsync(key, ct) is not null;
        return await StreamWrites.Start<SearchSummary>(session, key, StartSearch.Decide(started, exists, catalog), ct);
    }

    public Task<TunerOutcome> RecordTrialAsync(SearchTrialRecorded trial, CancellationToken ct) => RecordTrialsAsync([trial], ct);

    /// <summary>Appends the trials in one transaction: all of them, numbered on from the last recorded, or none.</summary>
    public async Task<TunerOutcome> RecordTrialsAsync(IReadOnlyList<SearchTrialRecorded> trials, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var searchId = trials.Count > 0 ? trials[0]?.SearchId : null;
        if (searchId is null)
            return TunerOutcome.From(RecordSearchTrials.Decide("", null, trials), 0);
        return await Write(searchId, search => RecordSearchTrials.Decide(searchId, search, trials), ct);
    }

    public Task<TunerOutcome> CompleteAsync(SearchCompleted completed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(completed);
        return Write(completed.SearchId, search => EndSearch.Complete(completed.SearchId, search, completed), ct);
    }

    public Task<TunerOutcome> AbandonAsync(SearchAbandoned abandoned, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(abandoned);
        return Write(abandoned.SearchId, search => EndSearch.Abandon(abandoned.SearchId, search, abandoned), ct);
    }

    private async Task<TunerOutcome> Write(string searchId, Func<SearchSummary, Decision> decide, CancellationToken ct)
    {
        await using var session = OpenSession();
        return await StreamWrites.Write<SearchSummary>(session, SearchSummary.StreamKey(searchId), null,
            stream => Task.FromResult(decide(stream.Aggregate!)), $"no search '{Short(searchId)}'.", ct);
    }

    private IDocumentSession OpenSession()
    {
        var options = new SessionOptions();
        if (listener is not null)
            options.Listeners.Add(listener);
        return store.LightweightSession(options);
    }

    private static string Short(string id) => id.Length > 60 ? id[..60] + "…" : id;
}
