using SelfLearn.Domain.Teacher.Search;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Teacher.Search.SearchGiven;

namespace SelfLearn.Domain.Tests.Teacher.Search;

public sealed class RecordSearchTrialsTests
{
    [Fact]
    public void A_batch_numbered_on_from_the_last_trial_is_appended_in_order()
    {
        var search = After(Running(), Trial(1), Trial(2));
        var batch = new[] { Trial(3), Trial(4, fold: 2) };

        Assert.Equal(batch, RecordSearchTrials.Decide(Id, search, batch).Events);
    }

    [Theory]
    [InlineData(3, "search 'search-1' has 1 trials, so the next is number 2, not 3: another writer may have recorded it.")]
    [InlineData(1, "search 'search-1' has 1 trials, so the next is number 2, not 1: another writer may have recorded it.")]
    public void A_number_that_is_not_the_next_is_a_conflict(int number, string message)
    {
        var decision = RecordSearchTrials.Decide(Id, After(Running(), Trial(1)), [Trial(number)]);

        Assert.Empty(decision.Events);
        Assert.Equal(message, decision.Conflict);
    }

    [Fact]
    public void A_gap_inside_a_batch_is_a_conflict_for_the_whole_batch()
    {
        var decision = RecordSearchTrials.Decide(Id, Running(), [Trial(1), Trial(3)]);
        Assert.Empty(decision.Events);
        Assert.Equal("search 'search-1' has 1 trials, so the next is number 2, not 3: another writer may have recorded it.", decision.Conflict);
    }

    [Fact]
    public void An_unknown_search_records_nothing() =>
        Assert.Equal("no search 'search-1'.", RecordSearchTrials.Decide(Id, null, [Trial(1)]).Conflict);

    [Theory]
    [InlineData(SearchStatus.Completed)]
    [InlineData(SearchStatus.Abandoned)]
    public void An_ended_search_records_no_more_trials(string status)
    {
        var decision = RecordSearchTrials.Decide(Id, Running() with { Status = status }, [Trial(1)]);
        Assert.Empty(decision.Events);
        Assert.Equal($"search 'search-1' is {status}: it records no more trials.", decision.Conflict);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(RecordSearchTrials.MaxBatch + 1)]
    public void A_batch_holds_1_to_1000_trials(int count)
    {
        var decision = RecordSearchTrials.Decide(Id, Running(), [.. Enumerable.Range(1, count).Select(n => Trial(n))]);
        Assert.Equal(new Violation("trials", ViolationRule.InvalidDefinition, "a batch holds 1 to 1000 trials."), Assert.Single(decision.Violations));
    }

    private static readonly Dictionary<string, (SearchTrialRecorded Trial, string Key, ViolationRule Rule, string Message)> Refusals = new()
    {
        ["unsearched factor"] = (Trial(1, parameters: ("retrieval.rrf_k", "30")), "trial.parameters.retrieval.rrf_k", ViolationRule.UnknownFactor,
            "retrieval.rrf_k is not a searched factor of this search."),
        ["outside the space"] = (Trial(1, parameters: ("retrieval.top_k", "12")), "trial.parameters.retrieval.top_k", ViolationRule.OutOfRange,
            "retrieval.top_k = 12 is outside [3, 10]."),
        ["off the space's step"] = (Trial(1, parameters: ("retrieval.dense_weight", "0.33")), "trial.parameters.retrieval.dense_weight", ViolationRule.OffStep,
            "retrieval.dense_weight = 0.33 is not on the step 0.05 from 0.1."),
        ["enum value outside the space"] = (Trial(1, parameters: ("retrieval.fusion", "\"minmax\"")), "trial.parameters.retrieval.fusion",
            ViolationRule.NotAllowedValue, "retrieval.fusion = \"minmax\" is not one of: rrf, zscore."),
        ["wrong type"] = (Trial(1, parameters: ("retrieval.lexical_date_prefix", "1")), "trial.parameters.retrieval.lexical_date_prefix", ViolationRule.WrongType,
            "retrieval.lexical_date_prefix must be true or false, got number 1."),
        ["objective not finite"] = (Trial(1, objective: double.NaN) with { Metrics = new Dictionary<string, double>() }, "trial.objective",
            ViolationRule.InvalidDefinition, "'trial.objective' is a finite number."),
        ["unknown metric"] = (Trial(1) with { Metrics = new Dictionary<string, double> { ["recall@10"] = 0.5 } }, "trial.metrics.recall@10",
            ViolationRule.InvalidDefinition, "'recall@10' is not a metric of docs/METRICS.md."),
        ["metric not finite"] = (Trial(1) with { Metrics = new Dictionary<string, double> { ["tokens.in"] = double.PositiveInfinity } }, "trial.metrics.tokens.in",
            ViolationRule.InvalidDefinition, "metric 'tokens.in' is a finite number."),
        ["fold outside the search"] = (Trial(1, fold: 4), "trial.fold", ViolationRule.InvalidDefinition, "trial.fold is one of the search's folds, 1 to 3."),
        ["no fold under cross-validation"] = (Trial(1, fold: null), "trial.fold", ViolationRule.InvalidDefinition, "trial.fold is one of the search's folds, 1 to 3."),
        ["conversation outside the dataset"] = (Trial(1) with { Conversations = ["conv-9"] }, "trial.conversations", ViolationRule.InvalidDefinition,
            "conversation 'conv-9' is not in the search's dataset 'locomo-dev.json'."),
        ["no conversation"] = (Trial(1) with { Conversations = [] }, "trial.conversations", ViolationRule.InvalidDefinition,
            "trial was scored on at least one conversation."),
        ["more questions than the dataset"] = (Trial(1) with { Questions = 121 }, "trial.questions", ViolationRule.InvalidDefinition,
            "trial was scored on 1 to 120 questions (the dataset's)."),
        ["negative time"] = (Trial(1) with { ElapsedMs = -1 }, "trial.elapsedMs", ViolationRule.InvalidDefinition,
            "trial.elapsedMs is a finite number of milliseconds, at least 0."),
        ["another search"] = (Trial(1) with { SearchId = "search-2" }, "trial.searchId", ViolationRule.InvalidDefinition,
            "trial belongs to search 'search-2', not 'search-1'."),
    };

    public static TheoryData<string> RefusalCases => new(Refusals.Keys);

    [Theory]
    [MemberData(nameof(RefusalCases))]
    public void A_malformed_trial_is_refused_with_one_clear_violation_and_nothing_to_append(string refusal)
    {
        var (trial, key, rule, message) = Refusals[refusal];
        var decision = RecordSearchTrials.Decide(Id, Running(), [trial]);

        Assert.Empty(decision.Events);
        Assert.Equal(new Violation(key, rule, message), Assert.Single(decision.Violations));
    }

    [Fact]
    public void Without_cross_validation_a_trial_names_no_fold()
    {
        var search = Running(folds: SearchRules.NoCrossValidation);
        Assert.True(RecordSearchTrials.Decide(Id, search, [Trial(1, fold: null)]).Accepted);
        Assert.Equal(new Violation("trial.fold", ViolationRule.InvalidDefinition, "search 'search-1' has no cross-validation: a trial names no fold."),
            Assert.Single(RecordSearchTrials.Decide(Id, search, [Trial(1, fold: 1)]).Violations));
    }

    [Fact]
    public void A_refused_trial_in_a_batch_is_named_by_its_place_and_refuses_the_batch()
    {
        var decision = RecordSearchTrials.Decide(Id, Running(), [Trial(1), Trial(2, parameters: ("retrieval.top_k", "2"))]);
        Assert.Empty(decision.Events);
        Assert.Equal("trials[1].parameters.retrieval.top_k", Assert.Single(decision.Violations).Key);
    }

    [Fact]
    public void A_trial_of_the_base_configuration_overrides_nothing() =>
        Assert.True(RecordSearchTrials.Decide(Id, Running(), [Trial(1) with { Parameters = Parameters() }]).Accepted);

    [Fact]
    public void The_summary_counts_what_was_recorded_at_the_event_s_time()
    {
        var search = After(Running(), Trial(1), Trial(2, feasible: false));
        Assert.Equal((2, 1, Now.AddSeconds(2), 3L), (search.Evaluations, search.FeasibleEvaluations, search.UpdatedAt, search.Version));
        Assert.Equal(Now, search.StartedAt);
    }
}
