using Microsoft.Extensions.AI;

namespace SelfLearn.Agents.Tests.Teacher.Judging;

/// <summary>
/// Stands in for the judge's language model (none runs here): returns the queued replies in order and records every
/// call. It reports metadata, as real clients do, because Semantic Kernel asks for it.
/// </summary>
internal sealed class ScriptedJudgeChat(params string[] replies) : IChatClient
{
    private readonly Queue<string> _replies = new(replies);

    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Add((messages.ToList(), options));
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, _replies.Dequeue())) { ModelId = "scripted" });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, "scripted-judge") : null;

    public void Dispose() { }
}
