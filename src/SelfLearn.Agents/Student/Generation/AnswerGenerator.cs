using System.Globalization;
using Microsoft.Extensions.AI;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Student.Generation;

public sealed record GeneratedAnswer(string Text, bool Abstained, int InputTokens, int OutputTokens, string? Rejected);

/// <summary>
/// Builds the prompt from the versioned template and the retrieved memories, asks the configured chat client, and
/// validates what comes back before anyone uses it: an empty or oversized answer is replaced by an abstention and
/// the reason is kept for telemetry. The support threshold goes only to the offline answerer (in
/// <see cref="ChatOptions.AdditionalProperties"/>), so a real model's request and prompt do not change with it.
/// </summary>
public sealed class AnswerGenerator(IChatClient chat)
{
    public const int MaxAnswerLength = 4000;

    public async Task<GeneratedAnswer> AnswerAsync(
        PromptTemplate prompt, IReadOnlyList<PromptMemory> context, string question, double temperature, double supportThreshold, long seed,
        CancellationToken ct)
    {
        var messages = new[]
        {
            new ChatMessage(ChatRole.System, prompt.SystemPrompt),
            new ChatMessage(ChatRole.User, ContextPrompt.Render(context, question)),
        };
        var options = new ChatOptions { Temperature = (float)temperature, Seed = seed };
        if (chat.GetService<ExtractiveChatClient>() is not null)
            options.AdditionalProperties = new() { [OfflineAnswerer.SupportThresholdKey] = supportThreshold };
        var response = await chat.GetResponseAsync(messages, options, ct);
        var text = response.Text.Trim();
        var input = (int)(response.Usage?.InputTokenCount ?? ContextLine.EstimateTokens(messages[0].Text + messages[1].Text));
        var output = (int)(response.Usage?.OutputTokenCount ?? ContextLine.EstimateTokens(text));

        var rejected = text.Length == 0 ? "empty answer"
            : text.Length > MaxAnswerLength ? $"answer longer than {MaxAnswerLength} characters"
            : null;
        if (rejected is not null)
            return new GeneratedAnswer(ExtractiveChatClient.Abstention, true, input, output, rejected);
        return new GeneratedAnswer(text, IsAbstention(text), input, output, null);
    }

    public static bool IsAbstention(string answer)
    {
        var normalised = answer.Trim().ToLower(CultureInfo.InvariantCulture).Replace('’', '\'');
        return normalised.StartsWith("i don't know", StringComparison.Ordinal) || normalised.StartsWith("i do not know", StringComparison.Ordinal);
    }
}
