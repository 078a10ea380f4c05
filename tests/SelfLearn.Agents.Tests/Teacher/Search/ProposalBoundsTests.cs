using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Agents.Teacher.Search.Strategies;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tests.Teacher.Search;

public sealed class ProposalBoundsTests
{
    private static readonly SyntheticEvaluator Evaluator = new([("c1", 2), ("c2", 2)],
        (p, _) => p.Number("retrieval.bm25_weight") + p.Number("retrieval.min_score") - p.Number("retrieval.recency_half_life_days") / 3650,
        [.. SearchCatalog.Default.Keys]);

    [Theory]
    [InlineData(SearchStrategies.Model)]
    [InlineData(SearchStrategies.Random)]
    public async Task Every_proposal_over_the_whole_auto_zone_is_a_value_the_Tuner_accepts(string strategy)
    {
        var report = await SearchRuns.RunAsync(Evaluator, new SearchRequest("recall@10", strategy, Budget: 60, Seed: 5));

        Assert.Equal(
            ["context.max_tokens", "generation.support_threshold", "generation.temperature", "retrieval.bm25_b", "retrieval.bm25_k1",
             "retrieval.bm25_weight", "retrieval.dense_weight", "retrieval.duplicate_similarity", "retrieval.fusion", "retrieval.keyword_count",
             "retrieval.keyword_weight", "retrieval.lexical_date_prefix", "retrieval.min_score", "retrieval.neighbor_weight", "retrieval.neighbor_window",
             "retrieval.prf_docs", "retrieval.prf_terms", "retrieval.prf_weight", "retrieval.recency_half_life_days", "retrieval.recency_weight",
             "retrieval.rrf_k", "retrieval.second_dense_weight", "retrieval.second_embedder", "retrieval.speaker_weight", "retrieval.top_k"],
            report.Best.Params.Keys);
        // Two folds of one training conversation each: the base configuration and 59 proposals per fold.
        Assert.Equal(120, report.Evaluations);
        Assert.All(report.Trace, trial =>
            Assert.Empty(ParameterRules.Check(SearchCatalog.Default, SearchCatalog.Defaults, trial.Parameters, null, RunnableFactorValues.Current)));
        Assert.Empty(ParameterRules.Check(SearchCatalog.Default, SearchCatalog.Defaults, report.Best.Params, null, RunnableFactorValues.Current));
    }

    [Theory]
    [InlineData(SearchStrategies.Model)]
    [InlineData(SearchStrategies.Random)]
    [InlineData(SearchStrategies.Grid)]
    public async Task A_narrowed_space_keeps_every_proposal_inside_its_range_and_on_the_catalog_step(string strategy)
    {
        var report = await SearchRuns.RunAsync(Evaluator, new SearchRequest("recall@10", strategy, Budget: 40, Seed: 9,
            Space: ["retrieval.bm25_weight=0.12:0.41", "retrieval.min_score=0.3:0.35", "retrieval.recency_half_life_days=10:20"]));

        var proposed = report.Trace.Where(t => t.Parameters["retrieval.min_score"].GetDecimal() != 0).ToList();
        Assert.Equal(report.Evaluations - 2, proposed.Count);
        Assert.All(proposed, trial =>
        {
            Assert.Contains(trial.Parameters["retrieval.bm25_weight"].GetDecimal(), new[] { 0.15m, 0.2m, 0.25m, 0.3m, 0.35m, 0.4m });
            Assert.Contains(trial.Parameters["retrieval.min_score"].GetDecimal(), new[] { 0.3m, 0.31m, 0.32m, 0.33m, 0.34m, 0.35m });
            Assert.InRange(trial.Parameters["retrieval.recency_half_life_days"].GetDecimal(), 10m, 20m);
        });
    }
}
