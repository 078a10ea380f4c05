using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Student.Generation;

/// <summary>
/// What the answer model is given: the delivered memories, best first, each as its <see cref="ContextLine"/>. The query
/// path and the Teacher's offline evaluator both build it here, so the offline answerer reads the same lines either way.
/// </summary>
public static class DeliveredContext
{
    public static IReadOnlyList<PromptMemory> From(IReadOnlyList<ScoredMemory> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items.Select((item, i) => new PromptMemory(i + 1, item.Score, ContextLine.Render(item.Memory)))];
    }
}
