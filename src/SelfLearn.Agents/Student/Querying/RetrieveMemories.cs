using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Student.Querying;

/// <summary>
/// The Student's retrieval step on an index already built: the MaaS query path and the Teacher's offline evaluator
/// both call it, so what the evaluator measures is what a query returns.
/// </summary>
public static class RetrieveMemories
{
    /// <param name="asOf">The request's reference time; without it the newest memory's time (replays of a dataset), then the clock.</param>
    /// <param name="secondQuestionVector">The question by the second model; the index must hold that model's vectors already.</param>
    public static RetrievalResult Run(
        MemoryIndex index, string question, float[] questionVector, RetrievalSettings settings, DateTimeOffset? asOf, TimeProvider clock,
        float[]? secondQuestionVector = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(clock);
        return HybridRetriever.Retrieve(index, question, questionVector, settings, asOf ?? index.Latest ?? clock.GetUtcNow(), secondQuestionVector);
    }

    /// <summary>
    /// The query path with an optional second model: its vectors are added to the index first when some memories lack
    /// them, and again if an ingest appended memories between that fill and the snapshot retrieval reads.
    /// </summary>
    /// <param name="second">The second model and the question's vector by it; null when the configuration selects none.</param>
    public static async Task<RetrievalResult> RunAsync(
        MemoryIndex index, string question, float[] questionVector, (ITextEmbedder Model, float[] QuestionVector)? second,
        RetrievalSettings settings, DateTimeOffset? asOf, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        if (settings.SecondEmbedder == SecondEmbedder.None)
            return Run(index, question, questionVector, settings, asOf, clock);
        if (second is not { } model)
            throw new ArgumentException("The configuration selects a second embedder, but none was given.", nameof(second));
        while (true)
        {
            await SecondModelVectors.FillAsync(index, model.Model, ct);
            if (HybridRetriever.TryRetrieve(index, question, questionVector, settings, asOf ?? index.Latest ?? clock.GetUtcNow(), model.QuestionVector) is { } result)
                return result;
        }
    }
}
