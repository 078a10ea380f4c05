using System.Text.Json;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Agents.Tests.Retrieval;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Teacher.Search;

/// <summary>The offline evaluator's index per value of the second embedder: built once, on the first configuration that selects it.</summary>
public sealed class SecondModelIndexTests
{
    private readonly FixedEmbedder model = new("second", new Dictionary<string, float[]>
    {
        ["apples"] = [0, 0.8f, 0.6f], ["pears"] = [0, 0, 1], ["plums"] = [1, 0, 0], ["Which fruit?"] = [0, 0, 1],
    });

    private static IndexedConversation Conversation() => new("c1",
        new MemoryIndex([Entry("apples", vector: [1, 0]), Entry("pears", vector: [0.6f, 0.8f]), Entry("plums", vector: [0, 1])]),
        [new IndexedQuestion(1, "Which fruit?", [1, 0], ["D1:1"])]);

    [Fact]
    public void The_second_vectors_are_built_by_the_first_configuration_that_selects_them_and_reused()
    {
        var dataset = new IndexedDataset([Conversation()]).WithSecondEmbedder(model);
        var ct = TestContext.Current.CancellationToken;

        OfflineEvaluator.Evaluate(dataset, Parameters("none"), 1, ct);
        Assert.Equal((0, 0), (model.Calls, dataset.Conversations[0].Index.SecondVectorCount));

        OfflineEvaluator.Evaluate(dataset, Parameters("minilm"), 1, ct);
        OfflineEvaluator.Evaluate(dataset, Parameters("minilm", 0.8), 1, ct);

        Assert.Equal(2, model.Calls); // the memories once, the questions once
        Assert.Equal(3, dataset.Conversations[0].Index.SecondVectorCount);
    }

    [Fact]
    public async Task The_search_s_evaluator_scores_a_configuration_with_the_second_model_as_the_offline_evaluator_does()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataset = new IndexedDataset([Conversation()]).WithSecondEmbedder(model);
        var parameters = Parameters("minilm", 0.8);

        var score = await new OfflineTrialEvaluator(dataset, new AnswerGenerator(new OfflineTrialEvaluatorTests.PromptRecorder()), new AnswerSimilarity(model), 1)
            .EvaluateAsync(parameters, ["c1"], ct);
        var expected = OfflineEvaluator.Evaluate(dataset, parameters, 1, ct);

        Assert.Equal(2, model.Calls);
        Assert.Equal((expected.Recall[1], expected.Recall[5]), (score.Metrics["retrieval.recall@1"], score.Metrics["retrieval.recall@5"]));
    }

    [Fact]
    public void A_dataset_without_a_second_model_refuses_a_configuration_that_selects_one()
    {
        var dataset = new IndexedDataset([Conversation()]);

        var error = Assert.Throws<InvalidOperationException>(() => OfflineEvaluator.Evaluate(dataset, Parameters("minilm"), 1, TestContext.Current.CancellationToken));

        Assert.Contains("second embedder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_model_given_to_other_conversations_is_not_used()
    {
        var dataset = new IndexedDataset([Conversation()]).WithSecondEmbedder(model) with { Conversations = [Conversation()] };

        Assert.Throws<InvalidOperationException>(() => OfflineEvaluator.Evaluate(dataset, Parameters("minilm"), 1, TestContext.Current.CancellationToken));
        Assert.Equal(0, model.Calls);
    }

    private static Dictionary<string, JsonElement> Parameters(string secondEmbedder, double secondWeight = 0.3)
    {
        var defaults = Catalog.Defaults(Catalog.ByKey(DefaultCatalog.Factors.Select(f => ImpactFactor.Create(f, DateTimeOffset.UnixEpoch))));
        return new Dictionary<string, JsonElement>(defaults, StringComparer.Ordinal)
        {
            [RetrievalFactorKeys.SecondEmbedder] = JsonSerializer.SerializeToElement(secondEmbedder),
            [RetrievalFactorKeys.SecondDenseWeight] = JsonSerializer.SerializeToElement(secondWeight),
        };
    }
}
