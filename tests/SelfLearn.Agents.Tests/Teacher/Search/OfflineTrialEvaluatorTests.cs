using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Agents.Tests.Teacher.Judging;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Agents.Tests.Teacher.Search;

/// <summary>
/// Three memories, three questions, lexical retrieval only (min-max, top 2): every ranking and delivered list is worked
/// out by hand below, and so is the prompt the answer step builds (and so its tokens).
/// </summary>
public sealed class OfflineTrialEvaluatorTests
{
    private static readonly DateTimeOffset May = new(2023, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static IndexedDataset Dataset(params (string? Golden, bool Answerable)[] truth)
    {
        truth = truth.Length == 0 ? [(null, true), (null, true), (null, true)] : truth;
        MemoryEntry Memory(int day, string speaker, string text) =>
            new(new Guid(day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), text, speaker, May.AddDays(day - 1), $"D1:{day}", "s1", day - 1, []);
        var index = new MemoryIndex([
            Memory(1, "Alice", "I adopted a puppy named Max"),
            Memory(2, "Bob", "My favourite food is sushi"),
            Memory(3, "Alice", "We hiked the Alps in June"),
        ]);
        return new IndexedDataset([new IndexedConversation("conv-x", index,
        [
            new IndexedQuestion(4, "puppy", [], ["D1:1"], truth[0].Golden, truth[0].Answerable),
            new IndexedQuestion(4, "sushi Alps", [], ["D1:2", "D1:3"], truth[1].Golden, truth[1].Answerable),
            new IndexedQuestion(2, "June", [], ["D1:1"], truth[2].Golden, truth[2].Answerable),
            .. truth.Skip(3).Select(t => new IndexedQuestion(4, "puppy", [], ["D1:1"], t.Golden, t.Answerable)),
        ])]);
    }

    private static IReadOnlyDictionary<string, JsonElement> Configuration() => Parameters.Merge(SearchCatalog.Defaults, new Dictionary<string, JsonElement>
    {
        ["retrieval.bm25_weight"] = SearchCatalog.Json("1"), ["retrieval.dense_weight"] = SearchCatalog.Json("0"),
        ["retrieval.recency_weight"] = SearchCatalog.Json("0"), ["retrieval.keyword_weight"] = SearchCatalog.Json("0"),
        ["retrieval.neighbor_weight"] = SearchCatalog.Json("0"), ["retrieval.fusion"] = SearchCatalog.Json("\"minmax\""),
        ["retrieval.top_k"] = SearchCatalog.Json("2"), ["retrieval.lexical_date_prefix"] = SearchCatalog.Json("false"),
    });

    [Fact]
    public async Task Metrics_are_the_means_over_questions_of_the_formulas_on_what_the_Student_ranks_delivers_and_prompts()
    {
        var chat = new PromptRecorder();
        var evaluator = new OfflineTrialEvaluator(Dataset(), new AnswerGenerator(chat), new AnswerSimilarity(new DistinctEmbedder()), 2);

        var score = await evaluator.EvaluateAsync(Configuration(), ["conv-x"], CancellationToken.None);

        // "puppy": only D1:1 matches; the rest tie at 0, newer first. R = D1:1 D1:3 D1:2, D = D1:1 D1:3.
        // "sushi Alps": D1:2 and D1:3 tie at 1 (one term each, three terms long), newer first. R = D1:3 D1:2 D1:1, D = D1:3 D1:2.
        // "June" (evidence D1:1): D1:3 first, then D1:2 before D1:1. R = D1:3 D1:2 D1:1, D = D1:3 D1:2.
        Assert.Equal(3, score.Questions);
        Assert.Equal((1 + 0.5 + 0) / 3, score.Metrics["retrieval.recall@1"], 12);
        Assert.Equal(1, score.Metrics["retrieval.recall@5"], 12);
        Assert.Equal(2.0 / 3, score.Metrics["retrieval.hit@1"], 12);
        Assert.Equal(2.0 / 3, score.Metrics["retrieval.ndcg@1"], 12);
        // ndcg@5 of "June": 1/log2(3 + 1) over an ideal of 1.
        Assert.Equal((1 + 1 + 0.5) / 3, score.Metrics["retrieval.ndcg@5"], 12);
        Assert.Equal((1 + 1 + 1.0 / 3) / 3, score.Metrics["retrieval.mrr"], 12);
        Assert.Equal((0.5 + 1 + 0) / 3, score.Metrics["retrieval.delivered_precision"], 12);
        Assert.Equal((1 + 1 + 0) / 3.0, score.Metrics["retrieval.delivered_recall"], 12);
        Assert.Equal(1.0 / 3, score.Metrics["answer.abstention_rate"], 12);
        Assert.True(score.Metrics.ContainsKey("latency.retrieve_ms"));

        string[] prompts =
        [
            "Memories:\n[1] (score 1.000) [1 May 2023] Alice: I adopted a puppy named Max\n[2] (score 0.000) [3 May 2023] Alice: We hiked the Alps in June\nQuestion: puppy",
            "Memories:\n[1] (score 1.000) [3 May 2023] Alice: We hiked the Alps in June\n[2] (score 1.000) [2 May 2023] Bob: My favourite food is sushi\nQuestion: sushi Alps",
            "Memories:\n[1] (score 1.000) [3 May 2023] Alice: We hiked the Alps in June\n[2] (score 0.000) [2 May 2023] Bob: My favourite food is sushi\nQuestion: June",
        ];
        Assert.Equal(prompts.Order(StringComparer.Ordinal), chat.Users.Order(StringComparer.Ordinal));
        // Without usage from the model, the answer step counts ceil(characters / 4) of system prompt and user message.
        var system = PromptCatalog.Find("answer-v1")!.SystemPrompt;
        Assert.Equal(prompts.Average(p => (system.Length + p.Length + 3) / 4), score.Metrics["tokens.in"], 12);
    }

    [Fact]
    public void The_evaluator_offers_only_registry_metrics()
    {
        var evaluator = new OfflineTrialEvaluator(Dataset(), new AnswerGenerator(new PromptRecorder()), new AnswerSimilarity(new DistinctEmbedder()), 1);

        Assert.All(evaluator.Metrics, name => Assert.True(SelfLearn.Domain.Teacher.Metrics.MetricRegistry.IsKnown(name), name));
        Assert.Equal(24, evaluator.Metrics.Count);
    }

    [Fact]
    public async Task Correctness_is_the_offline_judge_s_rule_on_each_answer_over_the_questions_with_a_golden_answer()
    {
        // The recorder answers "an answer" and declines "June". "puppy" expects "an answer" (held: correct); "sushi Alps"
        // expects "Yes", which has no content word, so the embedder decides: alike (cosine 1), correct; "June" cannot be
        // answered, so declining is correct; the fourth, a "puppy" expecting "Luna", is wrong; the fifth has no golden
        // answer and is not counted.
        var embedder = new DistinctEmbedder { Alike = { ("Yes", "an answer") } };
        var dataset = Dataset(("an answer", true), ("Yes", true), ("Not mentioned", false), ("Luna", true), (null, true));
        var evaluator = new OfflineTrialEvaluator(dataset, new AnswerGenerator(new PromptRecorder()), new AnswerSimilarity(embedder), 1);

        var first = await evaluator.EvaluateAsync(Configuration(), ["conv-x"], TestContext.Current.CancellationToken);
        var second = await evaluator.EvaluateAsync(Configuration(), ["conv-x"], TestContext.Current.CancellationToken);

        Assert.Equal(5, first.Questions);
        Assert.Equal(3.0 / 4, first.Metrics["answer.correctness"], 12);
        Assert.Equal(3.0 / 4, second.Metrics["answer.correctness"], 12);
        Assert.Equal(1, first.Metrics["answer.correct_abstention_rate"]); // "June", declined
        Assert.Equal(0, first.Metrics["answer.wrong_abstention_rate"]); // the three answerable ones, answered
        Assert.Equal(1, embedder.Calls); // the one pair that needs vectors, embedded once across trials
    }

    [Fact]
    public async Task An_answer_to_an_unanswerable_question_and_a_decline_of_an_answerable_one_are_both_wrong_abstention_choices()
    {
        var embedder = new DistinctEmbedder();
        // "puppy" is answered although it cannot be; "June" is declined although its answer is "June".
        var dataset = Dataset(("Not mentioned", false), (null, true), ("June", true));
        var evaluator = new OfflineTrialEvaluator(dataset, new AnswerGenerator(new PromptRecorder()), new AnswerSimilarity(embedder), 1);

        var score = await evaluator.EvaluateAsync(Configuration(), ["conv-x"], TestContext.Current.CancellationToken);

        Assert.Equal(0, score.Metrics["answer.correctness"]);
        Assert.Equal(0, score.Metrics["answer.correct_abstention_rate"]);
        Assert.Equal(1, score.Metrics["answer.wrong_abstention_rate"]);
        Assert.Equal(0, embedder.Calls);
    }

    /// <summary>Answers every question but "June" (which it declines), reports no usage, and keeps each user message.</summary>
    internal sealed class PromptRecorder : IChatClient
    {
        public ConcurrentBag<string> Users { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var user = messages.Last().Text;
            Users.Add(user);
            var answer = user.EndsWith("Question: June", StringComparison.Ordinal) ? "I don't know." : "an answer";
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose() { }
    }
}
