using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Student.Generation;

/// <summary>
/// The offline, deterministic answerer: it abstains when the best memory's score is below the prompt's support
/// threshold, otherwise it answers with the memory sentence that shares most words with the question. A temperature
/// above 0 picks among the best sentences with a seeded draw, so runs repeat exactly for the same seed.
/// </summary>
public sealed class ExtractiveChatClient : IChatClient
{
    public const string ModelId = "offline-extractive";
    public const string Abstention = "I don't know.";
    private static readonly ChatClientMetadata Metadata = new("selflearn-offline", null, ModelId);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var system = list.FirstOrDefault(m => m.Role == ChatRole.System)?.Text ?? "";
        var user = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var (lines, question) = ContextPrompt.Parse(user);

        var answer = lines.Count == 0 || lines.Max(l => l.Score) < Threshold(system)
            ? Abstention
            : BestSentence(lines, question, options?.Temperature ?? 0, options?.Seed ?? StableSeed(question));
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = ModelId,
            Usage = new UsageDetails { InputTokenCount = ContextLine.EstimateTokens(system) + ContextLine.EstimateTokens(user), OutputTokenCount = ContextLine.EstimateTokens(answer) },
        };
        return Task.FromResult(response);
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

    private static double Threshold(string systemPrompt)
    {
        var at = systemPrompt.IndexOf(PromptTemplate.ThresholdMarker, StringComparison.Ordinal);
        return at >= 0 && double.TryParse(systemPrompt[(at + PromptTemplate.ThresholdMarker.Length)..].Trim().Split('\n')[0],
            NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) ? threshold : 0;
    }

    private static string BestSentence(IReadOnlyList<PromptMemory> lines, string question, float temperature, long seed)
    {
        var asked = Words(question);
        var candidates = lines
            .SelectMany(l => Sentences(l.Text).Select(s => (Text: s, Score: Overlap(asked, s) + l.Score)))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Text, StringComparer.Ordinal).Take(5).ToList();
        if (temperature <= 0 || candidates.Count == 1)
            return candidates[0].Text;

        var random = new Random(unchecked((int)seed));
        var weights = candidates.Select(c => Math.Exp((c.Score - candidates[0].Score) / temperature)).ToList();
        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < candidates.Count; i++)
            if ((draw -= weights[i]) <= 0) return candidates[i].Text;
        return candidates[^1].Text;
    }

    private static IEnumerable<string> Sentences(string text) =>
        text.Split(['.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0).DefaultIfEmpty(text);

    private static double Overlap(HashSet<string> asked, string sentence) =>
        asked.Count == 0 ? 0 : (double)Words(sentence).Count(asked.Contains) / asked.Count;

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).ToHashSet();

    private static readonly char[] WordSeparators = [' ', ',', '.', '!', '?', ':', ';', '"', '\'', '(', ')', '\n', '-'];

    private static long StableSeed(string text) => text.Aggregate(17L, (h, c) => unchecked(h * 31 + c));
}
