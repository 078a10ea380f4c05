using System.Text.Json;
using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Agents.Teacher.Search.Strategies;
using SelfLearn.Agents.Tests.Embeddings;
using SelfLearn.Agents.Tests.Locomo;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tests.Teacher.Search;

/// <summary>
/// The whole search on real data: the first two sessions of LoCoMo conv-26 and conv-30 (the questions whose evidence lies
/// in them), embedded by the app's model, leave-one-conversation-out, the model strategy over three factors.
/// </summary>
public sealed class LocomoSearchTests(ArcticXsFixture model) : IClassFixture<ArcticXsFixture>
{
    [Fact]
    public async Task A_seeded_model_search_over_two_conversations_tunes_on_one_and_scores_its_winner_on_the_other()
    {
        var ct = TestContext.Current.CancellationToken;
        var conversations = LocomoDataset.Load(LocomoDevFile.Path).Where(c => c.SampleId is "conv-26" or "conv-30").Select(TwoSessions).ToList();
        var dataset = await IndexedDataset.BuildAsync(conversations, model.Embedder, null, ct);
        var evaluator = new OfflineTrialEvaluator(dataset, new AnswerGenerator(new ExtractiveChatClient(new OfflineAnswerer(model.Embedder))), new AnswerSimilarity(model.Embedder), 2);
        var search = new RunSearch(evaluator, new FixedClock());
        // The ranking defaults of eval-retrieval (top 50, no minimum, a 32,000-token budget) deliver R itself.
        var plan = search.Plan(new SearchRequest("recall@10", SearchStrategies.Model, Budget: 12, Seed: 3,
            Space: ["retrieval.bm25_weight,retrieval.dense_weight,retrieval.fusion"]), SearchCatalog.Default, EvaluateRetrieval.RankingDefaults);
        var observer = new RecordingObserver();

        var report = await search.RunAsync(plan, "search-locomo", observer, ct);

        Assert.Equal(["conv-26", "conv-30"], dataset.Conversations.Select(c => c.SampleId));
        Assert.Equal(24, report.Evaluations);
        Assert.Equal(report.Trace, observer.Seen.Select(s => s.Trial));
        Assert.All(report.Trace, t => Assert.Equal([t.Fold == 1 ? "conv-30" : "conv-26"], t.Conversations));
        foreach (var fold in report.Folds)
        {
            // Out of fold, recall@10 as eval-retrieval scores the held-out conversation alone: the winner's and the base configuration's.
            var heldOut = new IndexedDataset([.. dataset.Conversations.Where(c => fold.HeldOut.Contains(c.SampleId))]);
            Assert.Equal(OfflineEvaluator.Evaluate(heldOut, Parameters.Merge(plan.BaseParameters, fold.WinnerParams), 1, ct).Recall[10], fold.OutOfFold, 12);
            Assert.Equal(OfflineEvaluator.Evaluate(heldOut, plan.BaseParameters, 1, ct).Recall[10], fold.BaselineOutOfFold, 12);
            var winner = Assert.Single(report.Trace, t => t.Number == fold.WinnerTrial);
            Assert.Equal(report.Trace.Where(t => t.Fold == fold.Fold).Max(t => t.Objective), winner.Objective);
        }
        Assert.Equal(["retrieval.bm25_weight", "retrieval.dense_weight", "retrieval.fusion"], report.Best.Params.Keys);
        Assert.Empty(ParameterRules.Check(SearchCatalog.Default, plan.BaseParameters, report.Best.Params, null, RunnableFactorValues.Current));
        Assert.NotEmpty(report.Pareto);

        var json = JsonSerializer.SerializeToElement(report, JsonSerializerOptions.Web);
        Assert.Equal("model", json.GetProperty("strategy").GetString());
        Assert.Equal(24, json.GetProperty("evaluations").GetInt32());
        Assert.Equal(report.Best.OutOfFold, json.GetProperty("best").GetProperty("outOfFold").GetDouble());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("best").GetProperty("params").ValueKind);
    }

    private static LocomoConversation TwoSessions(LocomoConversation full)
    {
        var sessions = full.Sessions.Take(2).ToList();
        var turns = sessions.SelectMany(s => s.Turns).Select(t => t.DiaId).ToHashSet(StringComparer.Ordinal);
        return full with { Sessions = sessions, Questions = [.. full.Questions.Where(q => q.HasEvidence && q.Evidence.All(turns.Contains))] };
    }
}
