using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Search;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Teacher.Search.SearchGiven;

namespace SelfLearn.Domain.Tests.Teacher.Search;

public sealed class StartSearchTests
{
    [Fact]
    public void A_well_formed_search_is_started_as_given()
    {
        var started = Started();
        Assert.Same(started, Assert.Single(StartSearch.Decide(started, false, Default).Events));
    }

    [Fact]
    public void A_search_without_cross_validation_has_one_fold() =>
        Assert.True(StartSearch.Decide(Started(folds: SearchRules.NoCrossValidation), false, Default).Accepted);

    [Fact]
    public void A_second_start_of_the_same_id_is_a_conflict()
    {
        var decision = StartSearch.Decide(Started(), true, Default);
        Assert.Empty(decision.Events);
        Assert.Equal("search 'search-1' already exists.", decision.Conflict);
    }

    /// <summary>The search with <paramref name="range"/> in place of the range of the same factor, or of the first.</summary>
    private static SearchStarted WithRange(SearchFactorRange range) =>
        Started() with { Space = Space.Any(r => r.Key == range.Key) ? [.. Space.Select(r => r.Key == range.Key ? range : r)] : [range, .. Space.Skip(1)] };

    private static readonly Dictionary<string, (Func<SearchStarted, SearchStarted> Change, string Key, ViolationRule Rule, string Message)> Refusals = new()
    {
        ["id"] = (s => s with { SearchId = "Search 1" }, "id", ViolationRule.InvalidDefinition,
            "an id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit."),
        ["strategy"] = (s => s with { Strategy = "tpe" }, "strategy", ViolationRule.InvalidDefinition, "'strategy' is one of: grid, random, model."),
        ["objective"] = (s => s with { Objective = "recall@10" }, "objective", ViolationRule.InvalidDefinition, "'recall@10' is not a metric of docs/METRICS.md."),
        ["constraint metric"] = (s => s with { Constraints = [new("tokens", null, 10)] }, "constraints[0].metric", ViolationRule.InvalidDefinition,
            "'tokens' is not a metric of docs/METRICS.md."),
        ["constraint without bounds"] = (s => s with { Constraints = [new("tokens.in", null, null)] }, "constraints[0]", ViolationRule.InvalidDefinition,
            "constraints[0] sets a 'min', a 'max' or both."),
        ["constraint upside down"] = (s => s with { Constraints = [new("tokens.in", 900, 100)] }, "constraints[0]", ViolationRule.InvalidDefinition,
            "constraints[0] has 'min' ≤ 'max'."),
        ["constraint not finite"] = (s => s with { Constraints = [new("tokens.in", double.NaN, null)] }, "constraints[0]", ViolationRule.InvalidDefinition,
            "constraints[0] has finite bounds."),
        ["empty space"] = (s => s with { Space = [] }, "space", ViolationRule.InvalidDefinition, "'space' names at least one factor to search."),
        ["unknown factor"] = (s => WithRange(new("retrieval.top_q", FactorType.Int, 1, 5, 1, null)), "space[0]", ViolationRule.UnknownFactor,
            "retrieval.top_q is not in the impact-factor catalog."),
        ["frozen factor"] = (s => WithRange(new("generation.model", FactorType.Text, null, null, null, null)), "generation.model", ViolationRule.FrozenFactor,
            "generation.model is in the frozen zone: a search explores only factors in the auto zone."),
        ["manual factor"] = (s => WithRange(new("generation.system_prompt_version", FactorType.Text, null, null, null, null)), "generation.system_prompt_version",
            ViolationRule.ApprovalRequired, "generation.system_prompt_version is in the manual zone: a search explores only factors in the auto zone."),
        ["below the catalog"] = (s => WithRange(new("retrieval.top_k", FactorType.Int, 0, 10, 1, null)), "retrieval.top_k", ViolationRule.OutOfRange,
            "retrieval.top_k = 0 is outside [1, 50]."),
        ["above the catalog"] = (s => WithRange(new("retrieval.top_k", FactorType.Int, 3, 60, 1, null)), "retrieval.top_k", ViolationRule.OutOfRange,
            "retrieval.top_k = 60 is outside [1, 50]."),
        ["off the catalog's grid"] = (s => WithRange(new("retrieval.dense_weight", FactorType.Float, 0.12m, 0.6m, 0.05m, null)), "retrieval.dense_weight",
            ViolationRule.OffStep, "retrieval.dense_weight = 0.12 is not on the step 0.05 from 0."),
        ["step not a multiple"] = (s => WithRange(new("retrieval.dense_weight", FactorType.Float, 0.1m, 0.6m, 0.03m, null)), "retrieval.dense_weight",
            ViolationRule.OffStep, "retrieval.dense_weight: the range's step 0.03 is not a positive multiple of the catalog's step 0.05."),
        ["wrong type"] = (s => WithRange(new("retrieval.top_k", FactorType.Float, 3, 10, 1, null)), "retrieval.top_k", ViolationRule.WrongType,
            "retrieval.top_k is int in the catalog, not float."),
        ["range upside down"] = (s => WithRange(new("retrieval.top_k", FactorType.Int, 8, 4, 1, null)), "retrieval.top_k", ViolationRule.InvalidDefinition,
            "retrieval.top_k: the range's min 8 is above its max 4."),
        ["range without max"] = (s => WithRange(new("retrieval.top_k", FactorType.Int, 3, null, 1, null)), "retrieval.top_k", ViolationRule.InvalidDefinition,
            "retrieval.top_k: a numeric range has a 'min' and a 'max'."),
        ["enum value not allowed"] = (s => WithRange(new("retrieval.fusion", FactorType.Enum, null, null, null, ["rrf", "borda"])), "retrieval.fusion",
            ViolationRule.NotAllowedValue, "retrieval.fusion = \"borda\" is not one of: zscore, minmax, rrf."),
        ["factor twice"] = (s => s with { Space = [.. Space, Space[0]] }, "space", ViolationRule.InvalidDefinition,
            "factor 'retrieval.top_k' is searched more than once."),
        ["budget"] = (s => s with { Budget = 0 }, "budget", ViolationRule.InvalidDefinition, "'budget' is at least 1 evaluation."),
        ["no folds"] = (s => s with { Folds = 0 }, "folds", ViolationRule.InvalidDefinition,
            "'folds' is 1 (no cross-validation) or 2 to the number of conversations (3)."),
        ["more folds than conversations"] = (s => s with { Folds = 4 }, "folds", ViolationRule.InvalidDefinition,
            "'folds' is 1 (no cross-validation) or 2 to the number of conversations (3)."),
        ["empty dataset"] = (s => s with { Folds = 1, Dataset = Dataset with { Conversations = [] } }, "dataset.conversations", ViolationRule.InvalidDefinition,
            "the dataset holds at least one conversation."),
        ["no questions"] = (s => s with { Dataset = Dataset with { Questions = 0 } }, "dataset.questions", ViolationRule.InvalidDefinition,
            "the dataset holds at least one question."),
        ["dataset hash"] = (s => s with { Dataset = Dataset with { Sha256 = "ABC" } }, "dataset.sha256", ViolationRule.InvalidDefinition,
            "'dataset.sha256' is the file's SHA-256 in 64 lower-case hex digits."),
        ["no base parameters"] = (s => s with { BaseParameters = new Dictionary<string, System.Text.Json.JsonElement>() }, "baseParameters",
            ViolationRule.InvalidDefinition, "'baseParameters' are the full parameters every trial starts from."),
        ["base without a searched factor"] = (s => s with { BaseParameters = s.BaseParameters.Where(p => p.Key != "retrieval.fusion").ToDictionary() },
            "baseParameters.retrieval.fusion", ViolationRule.InvalidDefinition, "'baseParameters' has no value for the searched factor retrieval.fusion."),
        ["started by nobody"] = (s => s with { StartedBy = " " }, "startedBy", ViolationRule.InvalidDefinition, "'startedBy' is required."),
    };

    public static TheoryData<string> RefusalCases => new(Refusals.Keys);

    [Theory]
    [MemberData(nameof(RefusalCases))]
    public void A_malformed_search_is_refused_with_one_clear_violation_and_nothing_to_append(string refusal)
    {
        var (change, key, rule, message) = Refusals[refusal];
        var decision = StartSearch.Decide(change(Started()), false, Default);

        Assert.Empty(decision.Events);
        Assert.Equal(new Violation(key, rule, message), Assert.Single(decision.Violations));
    }

    [Fact]
    public void A_malformed_duplicate_is_refused_for_its_shape_first()
    {
        var decision = StartSearch.Decide(Started() with { Budget = 0 }, true, Default);
        Assert.Null(decision.Conflict);
        Assert.Equal("budget", Assert.Single(decision.Violations).Key);
    }
}
