using SelfLearn.Domain.Teacher.Search;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Teacher.Search.SearchGiven;

namespace SelfLearn.Domain.Tests.Teacher.Search;

public sealed class EndSearchTests
{
    private static readonly SearchSummary TwoTrials = After(Running(), Trial(1), Trial(2));

    private static SearchCompleted Completed(int evaluations = 2, int? bestTrial = 2) =>
        new(Id, Outcome(0.7, bestTrial), Outcome(0.6, null), evaluations, 5000);

    [Fact]
    public void A_running_search_completes_with_its_result()
    {
        var completed = Completed();
        Assert.Same(completed, Assert.Single(EndSearch.Complete(Id, TwoTrials, completed).Events));

        var ended = TwoTrials.Apply(completed, Now.AddMinutes(1));
        Assert.Equal((SearchStatus.Completed, Now.AddMinutes(1)), (ended.Status, ended.EndedAt));
        Assert.Equal(new SearchResult(completed.Best, completed.Baseline, 2, 5000), ended.Result);
    }

    [Fact]
    public void A_running_search_is_abandoned_with_its_reason()
    {
        var abandoned = new SearchAbandoned(Id, "cancelled by the user");
        Assert.Same(abandoned, Assert.Single(EndSearch.Abandon(Id, TwoTrials, abandoned).Events));
        Assert.Equal((SearchStatus.Abandoned, "cancelled by the user"), (TwoTrials.Apply(abandoned, Now).Status, TwoTrials.Apply(abandoned, Now).AbandonReason));
    }

    [Theory]
    [InlineData(SearchStatus.Completed)]
    [InlineData(SearchStatus.Abandoned)]
    public void An_ended_search_cannot_end_again(string status)
    {
        var ended = TwoTrials with { Status = status };
        var message = $"search 'search-1' is {status}: it cannot end again.";
        Assert.Equal(message, EndSearch.Complete(Id, ended, Completed()).Conflict);
        Assert.Equal(message, EndSearch.Abandon(Id, ended, new SearchAbandoned(Id, "again")).Conflict);
    }

    [Fact]
    public void An_unknown_search_cannot_end()
    {
        Assert.Equal("no search 'search-1'.", EndSearch.Complete(Id, null, Completed()).Conflict);
        Assert.Equal("no search 'search-1'.", EndSearch.Abandon(Id, null, new SearchAbandoned(Id, "gone")).Conflict);
    }

    public static TheoryData<string, string, string> CompletionRefusals => new()
    {
        { "evaluations", "evaluations", "'evaluations' is 3, but search 'search-1' recorded 2 trials." },
        { "best trial", "best.trial", "'best.trial' is one of the 2 recorded trials." },
        { "best objective", "best.objective", "'best.objective' is a finite number." },
        { "elapsed", "elapsedMs", "'elapsedMs' is a finite number of milliseconds, at least 0." },
    };

    [Theory]
    [MemberData(nameof(CompletionRefusals))]
    public void A_result_that_does_not_match_the_record_is_refused(string refusal, string key, string message)
    {
        var completed = refusal switch
        {
            "evaluations" => Completed(evaluations: 3),
            "best trial" => Completed(bestTrial: 3),
            "best objective" => Completed() with { Best = Outcome(0.7, 2) with { Objective = double.NaN } },
            _ => Completed() with { ElapsedMs = double.NegativeInfinity },
        };
        var decision = EndSearch.Complete(Id, TwoTrials, completed);

        Assert.Empty(decision.Events);
        Assert.Equal(new Violation(key, ViolationRule.InvalidDefinition, message), Assert.Single(decision.Violations));
    }

    [Fact]
    public void An_abandonment_says_why() =>
        Assert.Equal(new Violation("reason", ViolationRule.InvalidDefinition, "'reason' is required."),
            Assert.Single(EndSearch.Abandon(Id, TwoTrials, new SearchAbandoned(Id, "")).Violations));
}
