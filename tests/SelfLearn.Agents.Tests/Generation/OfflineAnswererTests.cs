using SelfLearn.Agents.Student.Generation;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Agents.Tests.Generation;

/// <summary>The support score computed by hand (docs/IMPACT_FACTORS.md, "The offline answerer") with two-dimensional vectors.</summary>
public sealed class OfflineAnswererTests
{
    private const string Question = "Where does Max like to go?";
    private const string BeachLine = "[10 May 2023] Alice: Max loves the beach at Brighton.";
    private const string AdoptionLine = "[9 May 2023] Alice: I adopted a dog named Max last spring.";
    private const string Beach = "Alice: Max loves the beach at Brighton.";
    private const string Adoption = "Alice: I adopted a dog named Max last spring.";

    private static readonly PromptMemory[] Delivered = [new(1, 0.9, AdoptionLine), new(2, 0.4, BeachLine)];

    private static TableEmbedder Embedder() => new(new Dictionary<string, float[]>
    {
        [Question] = [1f, 0f],
        [Beach] = [0.6f, 0.8f],
        [Adoption] = [0f, 1f],
        ["Tell me about Max"] = [1f, 0f],
    });

    // Question terms max, lik, go; "max" is in both sentences, "lik" and "go" in neither: BM25 idf over 2 sentences.
    private static readonly double Lexical = Math.Log(1 + (0.5 / 2.5)) / (Math.Log(1 + (0.5 / 2.5)) + (2 * Math.Log(1 + (2.5 / 0.5))));

    // "Where" asks for a place; "at Brighton" is one. Cosine of (1, 0) and (0.6, 0.8).
    private static readonly double BeachSupport = (0.4 * Lexical) + (0.4 * (double)0.6f) + (0.2 * 1);

    [Fact]
    public async Task The_support_of_the_best_sentence_is_the_documented_formula()
    {
        var answer = await new OfflineAnswerer(Embedder()).AnswerAsync(Delivered, Question, 0, 0, 1, CancellationToken.None);

        Assert.Equal("[10 May 2023] Alice: Max loves the beach at Brighton.", answer.Text);
        Assert.False(answer.Abstained);
        Assert.Equal(0.45937, BeachSupport, 5);
        Assert.Equal(BeachSupport, answer.Support, 12);
    }

    [Fact]
    public async Task It_answers_at_or_above_the_threshold_and_abstains_below_it()
    {
        var answerer = new OfflineAnswerer(Embedder());

        var below = await answerer.AnswerAsync(Delivered, Question, BeachSupport - 1e-9, 0, 1, CancellationToken.None);
        var at = await answerer.AnswerAsync(Delivered, Question, below.Support, 0, 1, CancellationToken.None);
        var above = await answerer.AnswerAsync(Delivered, Question, BeachSupport + 1e-9, 0, 1, CancellationToken.None);

        Assert.Equal((BeachLine, false), (below.Text, below.Abstained));
        Assert.Equal((BeachLine, false), (at.Text, at.Abstained));
        Assert.Equal((OfflineAnswerer.Abstention, true), (above.Text, above.Abstained));
        Assert.Equal(BeachSupport, above.Support, 12);
    }

    [Fact]
    public async Task Without_memories_it_abstains_with_no_support()
    {
        var answer = await new OfflineAnswerer(Embedder()).AnswerAsync([], Question, 0, 0, 1, CancellationToken.None);
        Assert.Equal((OfflineAnswerer.Abstention, true, 0.0), (answer.Text, answer.Abstained, answer.Support));
    }

    [Fact]
    public async Task A_sentence_delivered_twice_is_one_candidate_and_embedded_once()
    {
        var embedder = Embedder();
        await new OfflineAnswerer(embedder).AnswerAsync([.. Delivered, new PromptMemory(3, 0.1, BeachLine)], Question, 0, 0, 1, CancellationToken.None);
        Assert.Equal([Adoption, Beach, Question], embedder.Embedded);
    }

    [Fact]
    public async Task A_seeded_draw_repeats_for_the_same_seed_varies_across_seeds_and_temperature_0_takes_the_best()
    {
        var answerer = new OfflineAnswerer(Embedder());
        var answers = new HashSet<string>();
        for (var seed = 0; seed < 40; seed++)
        {
            var first = await answerer.AnswerAsync(Delivered, "Tell me about Max", 0, 2.0, seed, CancellationToken.None);
            var again = await answerer.AnswerAsync(Delivered, "Tell me about Max", 0, 2.0, seed, CancellationToken.None);
            Assert.Equal(first.Text, again.Text);
            answers.Add(first.Text);
        }

        Assert.Equal([BeachLine, AdoptionLine], answers.Order(StringComparer.Ordinal));
        foreach (var seed in new[] { 7, 8 })
            Assert.Equal(BeachLine, (await answerer.AnswerAsync(Delivered, "Tell me about Max", 0, 0, seed, CancellationToken.None)).Text);
    }

    [Fact]
    public async Task The_chat_client_takes_the_threshold_from_the_generator_and_ignores_the_prompt_version()
    {
        var generator = new AnswerGenerator(new ExtractiveChatClient(new OfflineAnswerer(Embedder())));
        var strict = PromptCatalog.Find("answer-v2")!;
        var lenient = PromptCatalog.Find("answer-lenient")!;

        var answered = await generator.AnswerAsync(strict, Delivered, Question, 0, BeachSupport - 1e-9, 1, CancellationToken.None);
        var sameWithLenient = await generator.AnswerAsync(lenient, Delivered, Question, 0, BeachSupport - 1e-9, 1, CancellationToken.None);
        var abstained = await generator.AnswerAsync(lenient, Delivered, Question, 0, BeachSupport + 1e-9, 1, CancellationToken.None);

        Assert.Equal((BeachLine, false), (answered.Text, answered.Abstained));
        Assert.Equal(answered.Text, sameWithLenient.Text);
        Assert.Equal((OfflineAnswerer.Abstention, true), (abstained.Text, abstained.Abstained));
        Assert.True(answered.InputTokens > answered.OutputTokens && answered.OutputTokens > 0);
    }

    [Fact]
    public async Task A_memory_written_over_two_lines_reads_the_same_through_the_chat_client_and_in_process()
    {
        PromptMemory[] twoLines = [new(1, 0.9, "[10 May 2023] Alice: I adopted a dog named Max last spring.\nMax loves the beach at Brighton.")];
        var answerer = new OfflineAnswerer(Embedder());

        var direct = await answerer.AnswerAsync(twoLines, Question, 0, 0, 1, CancellationToken.None);
        var chatted = await new AnswerGenerator(new ExtractiveChatClient(answerer)).AnswerAsync(
            PromptCatalog.Find("answer-v1")!, twoLines, Question, 0, 0, 1, CancellationToken.None);

        Assert.Equal(("[10 May 2023] Alice: Max loves the beach at Brighton.", false), (direct.Text, direct.Abstained));
        Assert.Equal(direct.Text, chatted.Text);
    }

    [Fact]
    public void The_default_threshold_is_the_catalog_default() =>
        Assert.Equal(OfflineAnswerer.DefaultSupportThreshold,
            DefaultCatalog.Factors.Single(f => f.Key == OfflineAnswerer.SupportThresholdKey).Default.GetDouble());

    [Theory]
    [InlineData("I don't know.", true)]
    [InlineData("i do not know who that is", true)]
    [InlineData("I don’t know", true)]
    [InlineData("Lisbon", false)]
    public void Abstentions_are_recognised(string text, bool abstained) =>
        Assert.Equal(abstained, AnswerGenerator.IsAbstention(text));
}
