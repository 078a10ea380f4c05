using Microsoft.Extensions.AI;
using SelfLearn.Agents.Student.Generation;

namespace SelfLearn.Agents.Tests.Generation;

/// <summary>What a real provider returns is checked before use; a model of our own stands in for a misbehaving provider.</summary>
public sealed class InvalidModelOutputTests
{
    private sealed class FixedAnswerModel(string answer) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose() { }
    }

    [Theory]
    [InlineData("", "empty answer")]
    [InlineData("   ", "empty answer")]
    public async Task Empty_output_becomes_an_abstention_with_the_reason(string output, string reason)
    {
        var answer = await new AnswerGenerator(new FixedAnswerModel(output)).AnswerAsync(PromptCatalog.Find("answer-v1")!, [], "q?", 0, 1, CancellationToken.None);
        Assert.True(answer.Abstained);
        Assert.Equal(reason, answer.Rejected);
    }

    [Fact]
    public async Task Oversized_output_is_rejected()
    {
        var answer = await new AnswerGenerator(new FixedAnswerModel(new string('x', AnswerGenerator.MaxAnswerLength + 1)))
            .AnswerAsync(PromptCatalog.Find("answer-v1")!, [], "q?", 0, 1, CancellationToken.None);
        Assert.True(answer.Abstained);
        Assert.NotNull(answer.Rejected);
    }
}
