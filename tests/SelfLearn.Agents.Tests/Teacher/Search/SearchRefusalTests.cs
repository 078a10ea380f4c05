using SelfLearn.Agents.Teacher.Search;

namespace SelfLearn.Agents.Tests.Teacher.Search;

/// <summary>Bad input is refused by the plan with a message that names what is wrong, before anything is evaluated.</summary>
public sealed class SearchRefusalTests
{
    private static readonly SyntheticEvaluator Evaluator = new(
        [("c1", 3), ("c2", 2), ("c3", 4)], (_, _) => 0.5, ["retrieval.top_k", "retrieval.bm25_weight", "retrieval.fusion"]);

    private static string Refusal(SearchRequest request, SyntheticEvaluator? evaluator = null)
    {
        var used = evaluator ?? Evaluator;
        var error = Assert.Throws<SearchRefusedException>(() => new RunSearch(used, new FixedClock()).Plan(request, SearchCatalog.Default, SearchCatalog.Defaults));
        Assert.Empty(used.Calls);
        return error.Message;
    }

    [Fact]
    public void An_unknown_objective_is_refused_with_close_registry_names()
    {
        var message = Refusal(new SearchRequest("recal@10"));

        Assert.StartsWith("unknown objective 'recal@10'; close metric names: retrieval.recall@10", message);
    }

    [Fact]
    public void A_registry_metric_the_evaluator_cannot_compute_offline_is_refused()
    {
        Assert.Equal("objective 'answer.faithfulness' cannot be computed offline; offline metrics: retrieval.recall@10, retrieval.ndcg@10, tokens.in.",
            Refusal(new SearchRequest("faithfulness")));
    }

    [Fact]
    public void A_short_name_resolves_to_its_one_registry_name()
    {
        var plan = new RunSearch(Evaluator, new FixedClock()).Plan(new SearchRequest("recall@10", Constraints: ["in<=600", "tokens.in>=10"]),
            SearchCatalog.Default, SearchCatalog.Defaults);

        Assert.Equal("retrieval.recall@10", plan.Objective.Name);
        var constraint = Assert.Single(plan.Constraints);
        Assert.Equal(("tokens.in", (double?)10, (double?)600), (constraint.Metric, constraint.Min, constraint.Max));
    }

    [Theory]
    [InlineData("tokens.in<600", "constraint 'tokens.in<600' is not 'metric<=number' or 'metric>=number' (e.g. tokens.in<=600).")]
    [InlineData("tokens.in<=600,", "constraint 'tokens.in<=600,' is not 'metric<=number' or 'metric>=number' (e.g. tokens.in<=600).")]
    [InlineData("tokens.in>=700", "constraints on tokens.in leave no value: at least 700 and at most 600.")]
    public void A_malformed_or_empty_constraint_is_refused(string constraint, string message) =>
        Assert.Equal(message, Refusal(new SearchRequest("recall@10", Constraints: ["tokens.in<=600", constraint])));

    [Theory]
    [InlineData(0, "the budget is at least 1 evaluation per fold, not 0.")]
    [InlineData(-3, "the budget is at least 1 evaluation per fold, not -3.")]
    public void A_budget_below_one_is_refused(int budget, string message) =>
        Assert.Equal(message, Refusal(new SearchRequest("recall@10", Budget: budget)));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Folds_outside_two_to_the_conversation_count_are_refused(int folds) =>
        Assert.Equal($"folds must be between 2 and the number of conversations (3), not {folds}: each fold holds out at least one conversation.",
            Refusal(new SearchRequest("recall@10", Folds: folds)));

    [Fact]
    public void An_unknown_strategy_is_refused() =>
        Assert.Equal("unknown strategy 'bayes'; known: grid, random, model.", Refusal(new SearchRequest("recall@10", Strategy: "bayes")));

    [Fact]
    public void A_dataset_without_a_scorable_question_is_refused() =>
        Assert.Equal("the dataset holds no conversation with a question that has evidence: there is nothing to score.",
            Refusal(new SearchRequest("recall@10"), new SyntheticEvaluator([("c1", 0)], (_, _) => 0, ["retrieval.top_k"])));

    [Fact]
    public void An_unknown_conversation_is_refused() =>
        Assert.Equal("unknown conversation(s) conv-99; the dataset has: c1, c2, c3.", Refusal(new SearchRequest("recall@10", Conversations: ["c1", "conv-99"])));

    [Theory]
    [InlineData("retrieval.top_kk", "unknown factor 'retrieval.top_kk' in --space; close factor keys: retrieval.top_k, ")]
    [InlineData("generation.model", "generation.model is in the frozen zone: a search may only change factors of the auto zone.")]
    [InlineData("generation.system_prompt_version", "generation.system_prompt_version is in the manual zone: a search may only change factors of the auto zone.")]
    [InlineData("retrieval.top_k=0:80", "--space retrieval.top_k=0:80 lies outside the catalog's bounds [1, 50].")]
    [InlineData("retrieval.bm25_weight=0.2:1.5", "--space retrieval.bm25_weight=0.2:1.5 lies outside the catalog's bounds [0, 1].")]
    [InlineData("retrieval.bm25_weight=0.31:0.34", "--space retrieval.bm25_weight=0.31:0.34 holds no value on the catalog's step 0.05 from 0.")]
    [InlineData("retrieval.fusion=0:1", "retrieval.fusion is enum: --space takes no range for it, only its key.")]
    [InlineData("retrieval.top_k=9:3", "--space retrieval.top_k=9:3: min is greater than max.")]
    [InlineData("retrieval.top_k=a:3", "--space 'retrieval.top_k=a:3' is not 'key=min:max' with two numbers.")]
    [InlineData("retrieval.top_k,retrieval.top_k=2:4", "--space names retrieval.top_k twice.")]
    public void A_space_naming_an_unknown_or_unsearchable_factor_or_leaving_the_bounds_is_refused(string space, string message) =>
        Assert.StartsWith(message, Refusal(new SearchRequest("recall@10", Space: [space])));
}
