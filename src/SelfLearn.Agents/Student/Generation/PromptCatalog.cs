namespace SelfLearn.Agents.Student.Generation;

/// <summary>
/// A versioned system prompt: the instructions a real language model reads. The offline answerer ignores it; its
/// abstention is the separate factor <c>generation.support_threshold</c>.
/// </summary>
public sealed record PromptTemplate(string Version, string Instructions)
{
    public string SystemPrompt => Instructions;
}

/// <summary>The prompt versions that <c>generation.system_prompt_version</c> may name.</summary>
public static class PromptCatalog
{
    public const string FactorKey = "generation.system_prompt_version";

    private const string Grounded =
        "You answer questions about the user's past conversations using only the memories listed in the user message. " +
        "Quote or paraphrase the memory that answers the question. If the memories do not support an answer, reply exactly: I don't know.";

    public static IReadOnlyDictionary<string, PromptTemplate> Templates { get; } = new[]
    {
        new PromptTemplate("answer-v1", Grounded),
        new PromptTemplate("answer-v2", Grounded + " Prefer abstaining to guessing."),
        new PromptTemplate("answer-lenient", Grounded + " Give your best answer when any memory is related."),
    }.ToDictionary(t => t.Version, StringComparer.Ordinal);

    public static PromptTemplate? Find(string version) => Templates.GetValueOrDefault(version);
}
