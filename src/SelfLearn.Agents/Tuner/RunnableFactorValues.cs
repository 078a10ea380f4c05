using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tuner;

/// <summary>What the Student of this build can run for the factors whose values name its code.</summary>
public static class RunnableFactorValues
{
    public static RunnableValues Current { get; } = new(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [PromptCatalog.FactorKey] = [.. PromptCatalog.Templates.Keys],
        [RetrievalFactorKeys.Fusion] = [.. Enum.GetNames<FusionMethod>().Select(name => name.ToLowerInvariant())],
        [RetrievalFactorKeys.SecondEmbedder] = [.. Enum.GetNames<SecondEmbedder>().Select(name => name.ToLowerInvariant())],
    });
}
