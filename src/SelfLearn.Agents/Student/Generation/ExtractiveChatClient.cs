using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Student.Generation;

/// <summary>
/// The <see cref="OfflineAnswerer"/> behind the chat-model seam: it reads the memories and the question back from the
/// user message (<see cref="ContextPrompt"/>), the support threshold from <see cref="ChatOptions.AdditionalProperties"/>
/// (<see cref="OfflineAnswerer.SupportThresholdKey"/>, else <see cref="OfflineAnswerer.DefaultSupportThreshold"/>) and
/// the draw's seed from <see cref="ChatOptions.Seed"/> (else a hash of the question). It ignores the system prompt.
/// </summary>
public sealed class ExtractiveChatClient(OfflineAnswerer answerer) : IChatClient
{
    public const string ModelId = "offline-extractive";
    public const string Abstention = OfflineAnswerer.Abstention;
    private static readonly ChatClientMetadata Metadata = new("selflearn-offline", null, ModelId);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var system = list.FirstOrDefault(m => m.Role == ChatRole.System)?.Text ?? "";
        var user = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var (lines, question) = ContextPrompt.Parse(user);

        var answer = await answerer.AnswerAsync(
            lines, question, Threshold(options), options?.Temperature ?? 0, options?.Seed ?? StableSeed(question), cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.Text))
        {
            ModelId = ModelId,
            Usage = new UsageDetails
            {
                InputTokenCount = ContextLine.EstimateTokens(system) + ContextLine.EstimateTokens(user),
                OutputTokenCount = ContextLine.EstimateTokens(answer.Text),
            },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
            yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? Metadata : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }

    private static double Threshold(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(OfflineAnswerer.SupportThresholdKey, out var value) == true
            ? value switch
            {
                double d => d,
                float f => f,
                JsonElement { ValueKind: JsonValueKind.Number } json => json.GetDouble(),
                string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => OfflineAnswerer.DefaultSupportThreshold,
            }
            : OfflineAnswerer.DefaultSupportThreshold;

    private static long StableSeed(string text) => text.Aggregate(17L, (h, c) => unchecked(h * 31 + c));
}
