using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Teacher.Search;
using static SelfLearn.Api.Tests.Teacher.Search.SearchJournalling;

namespace SelfLearn.Api.Tests.Teacher.Search;

public sealed class SearchJournalTests(AppFixture fixture) : ApiTest(fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_search_is_one_stream_of_its_start_its_trials_and_its_end()
    {
        var before = await Host.EventCount();
        await Host.Record(Started("search-a"), Trial("search-a", 1, 0.5));
        var batch = await Host.Journal().RecordTrialsAsync([Trial("search-a", 2, 0.6), Trial("search-a", 3, 0.4)], Ct);
        var completed = await Host.Journal().CompleteAsync(
            new SearchCompleted("search-a", new SearchOutcome(batch.Events.OfType<SearchTrialRecorded>().First().Parameters, 0.6, 0.55, 2),
                new SearchOutcome(Started("search-a").BaseParameters, 0.5, 0.5, null), 3, 900), Ct);

        Assert.Equal((TunerStatus.Accepted, 4L), (batch.Status, batch.StreamVersion));
        Assert.Equal((TunerStatus.Accepted, 5L), (completed.Status, completed.StreamVersion));
        Assert.Equal(before + 5, await Host.EventCount());
        await using var session = Fixture.Store.QuerySession();
        var types = (await session.Events.FetchStreamAsync("search:search-a", token: Ct)).Select(e => e.Data.GetType().Name);
        Assert.Equal(["SearchStarted", "SearchTrialRecorded", "SearchTrialRecorded", "SearchTrialRecorded", "SearchCompleted"], types);
    }

    [Fact]
    public async Task A_refused_start_writes_nothing_and_a_second_start_is_a_conflict()
    {
        var before = await Host.EventCount();
        var refused = await Host.Journal().StartAsync(Started("search-b") with { Objective = "recall@10", Budget = 0 }, Ct);

        Assert.Equal(TunerStatus.Rejected, refused.Status);
        Assert.Equal("'recall@10' is not a metric of docs/METRICS.md. 'budget' is at least 1 evaluation.", refused.Describe());
        Assert.Equal(before, await Host.EventCount());

        await Host.Record(Started("search-b"));
        var again = await Host.Journal().StartAsync(Started("search-b"), Ct);
        Assert.Equal((TunerStatus.Conflict, "search 'search-b' already exists."), (again.Status, again.Message));
        Assert.Equal(before + 1, await Host.EventCount());
    }

    [Fact]
    public async Task A_search_over_a_frozen_factor_is_refused_and_writes_nothing()
    {
        var before = await Host.EventCount();
        var started = Started("search-f");
        var refused = await Host.Journal().StartAsync(started with
        {
            Space = [.. started.Space, new("generation.model", SelfLearn.Domain.ImpactFactors.FactorType.Text, null, null, null, null)],
            BaseParameters = new Dictionary<string, System.Text.Json.JsonElement>(started.BaseParameters)
            {
                ["generation.model"] = System.Text.Json.JsonSerializer.SerializeToElement("offline-extractive"),
            },
        }, Ct);

        Assert.Equal("generation.model is in the frozen zone: a search explores only factors in the auto zone.", refused.Describe());
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Refused_trials_write_nothing()
    {
        await Host.Record(Started("search-c"), Trial("search-c", 1, 0.5));
        var journal = Host.Journal();
        var before = await Host.EventCount();

        var outside = await journal.RecordTrialAsync(Trial("search-c", 2, 0.5, topK: 11), Ct);
        var skipped = await journal.RecordTrialAsync(Trial("search-c", 3, 0.5), Ct);
        var halfBad = await journal.RecordTrialsAsync([Trial("search-c", 2, 0.5), Trial("search-c", 3, double.NaN)], Ct);
        var unknown = await journal.RecordTrialAsync(Trial("search-zz", 1, 0.5), Ct);

        Assert.Equal((TunerStatus.Rejected, "retrieval.top_k = 11 is outside [3, 10]."), (outside.Status, outside.Describe()));
        Assert.Equal((TunerStatus.Conflict, "search 'search-c' has 1 trials, so the next is number 2, not 3: another writer may have recorded it."),
            (skipped.Status, skipped.Message));
        Assert.Equal(TunerStatus.Rejected, halfBad.Status);
        Assert.Equal((TunerStatus.NotFound, "no search 'search-zz'."), (unknown.Status, unknown.Message));
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task After_its_end_a_search_takes_no_trial_and_no_second_end()
    {
        await Host.Record(Started("search-d"), Trial("search-d", 1, 0.5));
        var journal = Host.Journal();
        Assert.Equal(TunerStatus.Accepted, (await journal.AbandonAsync(new SearchAbandoned("search-d", "cancelled"), Ct)).Status);
        var before = await Host.EventCount();

        var trial = await journal.RecordTrialAsync(Trial("search-d", 2, 0.5), Ct);
        var again = await journal.AbandonAsync(new SearchAbandoned("search-d", "twice"), Ct);

        Assert.Equal((TunerStatus.Conflict, "search 'search-d' is abandoned: it records no more trials."), (trial.Status, trial.Message));
        Assert.Equal((TunerStatus.Conflict, "search 'search-d' is abandoned: it cannot end again."), (again.Status, again.Message));
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Of_two_writers_appending_the_same_trial_number_at_once_exactly_one_wins()
    {
        await Host.Record(Started("search-e"), Trial("search-e", 1, 0.5), Trial("search-e", 2, 0.6));
        var before = await Host.EventCount();
        using var barrier = new Barrier(2);
        var listener = new HoldBeforeSave(barrier);
        var first = Host.JournalListeningWith(listener);
        var second = Host.JournalListeningWith(listener);

        var outcomes = await Task.WhenAll(
            Task.Run(() => first.RecordTrialAsync(Trial("search-e", 3, 0.7, topK: 4), Ct), Ct),
            Task.Run(() => second.RecordTrialAsync(Trial("search-e", 3, 0.8, topK: 6), Ct), Ct));

        Assert.Equal(2, listener.Held);
        Assert.Single(outcomes, o => o.Status == TunerStatus.Accepted);
        var lost = Assert.Single(outcomes, o => o.Status == TunerStatus.Conflict);
        Assert.Equal("'search:search-e' was changed concurrently. Read it again and retry.", lost.Message);
        Assert.Equal(before + 1, await Host.EventCount());
        await using var session = Fixture.Store.QuerySession();
        Assert.Equal(3, (await session.LoadAsync<SearchSummary>("search:search-e", Ct))!.Evaluations);
    }

    /// <summary>Both writers have read the stream and decided before either may save: the overlap is forced, not hoped for.</summary>
    private sealed class HoldBeforeSave(Barrier barrier) : DocumentSessionListenerBase
    {
        private int _held;

        public int Held => _held;

        public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            Interlocked.Increment(ref _held);
            Assert.True(barrier.SignalAndWait(TimeSpan.FromMinutes(1), token), "the other writer never reached its save");
            return Task.CompletedTask;
        }
    }
}
