using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Student.Memories;

/// <summary>
/// Gives an index's memories their second-model vectors when a query first needs them, instead of at ingest: only
/// configurations that select a second model pay for it. The text embedded is the one ingest gives the first model
/// ("speaker: text"), through the second model's cached, batching embedder, so a reload or an evaluator reuses the vectors.
/// </summary>
public static class SecondModelVectors
{
    /// <summary>Embeds the memories that lack a second vector and adds them; returns how many were missing.</summary>
    public static async Task<int> FillAsync(MemoryIndex index, ITextEmbedder model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(model);
        var gap = index.MissingSecondVectors(model.Model);
        if (gap.Memories.Count == 0)
            return 0;
        var vectors = await model.EmbedAsync([.. gap.Memories.Select(m => IngestMemories.Passage(m.Speaker, m.Text))], EmbeddingKind.Passage, ct);
        index.AddSecondVectors(gap, vectors);
        return gap.Memories.Count;
    }
}
