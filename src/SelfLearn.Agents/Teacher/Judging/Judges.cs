using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Teacher.Judging.Caching;
using SelfLearn.Agents.Teacher.Judging.Llm;
using SelfLearn.Agents.Teacher.Judging.Offline;

namespace SelfLearn.Agents.Teacher.Judging;

/// <summary>
/// Chooses the judge (<c>Teacher:Judge</c> = offline | llm; docs/JUDGE.md), always behind the score cache. The LLM
/// judge uses the <c>Teacher:Llm</c> section when it names a provider, else the Student's <c>Llm</c> section, so the
/// judge can be another model than the one it grades. The host passes how to get the embedder and a section's chat
/// client, so judges are built only when asked for and a bad setting fails the command that needs it, not the app.
/// </summary>
public sealed class Judges(IConfiguration configuration, Func<ITextEmbedder> embedder, Func<string, IChatClient> chatClient, IJudgeCache cache)
{
    public const string Setting = "Teacher:Judge";
    public const string Offline = "offline";
    public const string Llm = "llm";
    public static readonly IReadOnlyList<string> Kinds = [Offline, Llm];

    public string DefaultKind => configuration[Setting] is { Length: > 0 } kind ? kind : Offline;

    /// <exception cref="ArgumentException">The kind is not offline or llm.</exception>
    /// <exception cref="InvalidOperationException">The LLM judge is asked for but no language model is configured.</exception>
    public IAnswerJudge Create(string? kind = null)
    {
        kind ??= DefaultKind;
        IAnswerJudge judge = kind.ToLowerInvariant() switch
        {
            Offline => new OfflineJudge(embedder()),
            Llm => LlmJudge(),
            _ => throw new ArgumentException($"judge '{kind}' is not one of {string.Join(", ", Kinds)}."),
        };
        return new CachedJudge(judge, cache);
    }

    private LlmJudge LlmJudge()
    {
        var (section, model) = ChatClientSetup.RequireModel(configuration, "Teacher", "the llm judge", "grade answers", "the offline judge");
        return new LlmJudge(chatClient(section), model);
    }
}
