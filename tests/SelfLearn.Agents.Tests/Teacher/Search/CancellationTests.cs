using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Agents.Teacher.Search.Strategies;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Agents.Tests.Teacher.Search;

public sealed class CancellationTests
{
    [Fact]
    public async Task A_cancelled_search_stops_after_the_trial_in_hand_and_reports_no_result()
    {
        var evaluator = new SyntheticEvaluator([("c1", 1), ("c2", 1)], (p, _) => p.Number("retrieval.bm25_weight"), ["retrieval.bm25_weight"]);
        using var cancel = new CancellationTokenSource();
        var observer = new CancellingObserver(cancel, after: 3);
        var search = new RunSearch(evaluator, new FixedClock());
        var plan = search.Plan(new SearchRequest("recall@10", SearchStrategies.Random, Budget: 20), SearchCatalog.Default, SearchCatalog.Defaults);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search.RunAsync(plan, "search-1", observer, cancel.Token));

        Assert.Equal([1, 2, 3], observer.Seen);
        Assert.Equal(3, evaluator.Calls.Count);
    }

    private sealed class CancellingObserver(CancellationTokenSource cancel, int after) : ISearchObserver
    {
        public List<int> Seen { get; } = [];

        public ValueTask TrialAsync(SearchTrialRecorded trial, SearchProgress progress, CancellationToken ct)
        {
            Seen.Add(trial.Number);
            if (Seen.Count == after)
                cancel.Cancel();
            return ValueTask.CompletedTask;
        }
    }
}
