using SelfLearn.Agents.Student.Generation;

namespace SelfLearn.Agents.Tests.Generation;

public sealed class OfflineAnswererTests
{
    private static readonly PromptTemplate Strict = PromptCatalog.Find("answer-v2")!;
    private static readonly PromptTemplate Lenient = PromptCatalog.Find("answer-lenient")!;
    private readonly AnswerGenerator _generator = new(new ExtractiveChatClient());

    private static PromptMemory[] Memories(double topScore) =>
    [
        new(1, topScore, "[8 May 2023] Alice: My sister lives in Lisbon. She teaches chemistry."),
        new(2, topScore / 2, "[9 May 2023] Alice: I adopted a beagle named Max."),
        new(3, topScore / 3, "[9 May 2023] Alice: Max loves the beach in Cascais."),
    ];

    [Fact]
    public async Task It_answers_with_the_memory_sentence_closest_to_the_question()
    {
        var answer = await _generator.AnswerAsync(Strict, Memories(0.9), "Where does my sister live?", 0, 1, CancellationToken.None);
        Assert.False(answer.Abstained);
        Assert.Contains("Lisbon", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.InputTokens > answer.OutputTokens && answer.OutputTokens > 0);
    }

    [Fact]
    public async Task The_prompt_version_sets_the_support_threshold_below_which_it_abstains()
    {
        var strict = await _generator.AnswerAsync(Strict, Memories(0.3), "Where does my sister live?", 0, 1, CancellationToken.None);
        var lenient = await _generator.AnswerAsync(Lenient, Memories(0.3), "Where does my sister live?", 0, 1, CancellationToken.None);
        Assert.True(strict.Abstained);
        Assert.Equal(ExtractiveChatClient.Abstention, strict.Text);
        Assert.False(lenient.Abstained);
        Assert.True((await _generator.AnswerAsync(Lenient, [], "Anything?", 0, 1, CancellationToken.None)).Abstained);
    }

    [Fact]
    public async Task Temperature_varies_the_answer_with_the_seed_and_repeats_for_the_same_seed()
    {
        var answers = new HashSet<string>();
        for (var seed = 0; seed < 40; seed++)
        {
            var first = await _generator.AnswerAsync(Lenient, Memories(0.9), "Tell me about Max and the beach", 2.0, seed, CancellationToken.None);
            var again = await _generator.AnswerAsync(Lenient, Memories(0.9), "Tell me about Max and the beach", 2.0, seed, CancellationToken.None);
            Assert.Equal(first.Text, again.Text);
            answers.Add(first.Text);
        }
        Assert.True(answers.Count > 1);
        var cold = await _generator.AnswerAsync(Lenient, Memories(0.9), "Tell me about Max and the beach", 0, 7, CancellationToken.None);
        Assert.Equal(cold.Text, (await _generator.AnswerAsync(Lenient, Memories(0.9), "Tell me about Max and the beach", 0, 8, CancellationToken.None)).Text);
    }

    [Theory]
    [InlineData("I don't know.", true)]
    [InlineData("i do not know who that is", true)]
    [InlineData("I don’t know", true)]
    [InlineData("Lisbon", false)]
    public void Abstentions_are_recognised(string text, bool abstained) =>
        Assert.Equal(abstained, AnswerGenerator.IsAbstention(text));

    [Fact]
    public void Every_prompt_version_has_a_threshold_in_its_system_prompt() =>
        Assert.All(PromptCatalog.Templates.Values, t => Assert.Contains(PromptTemplate.ThresholdMarker, t.SystemPrompt, StringComparison.Ordinal));
}
