using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Student.Querying;

/// <summary>
/// The Student's retrieval step on an index already built: the MaaS query path and the Teacher's offline evaluator
/// both call it, so what the evaluator measures is what a query returns.
/// </summary>
public static class RetrieveMemories
{
    /// <param name="asOf">The request's reference time; without it the newest memory's time (replays of a dataset), then the clock.</param>
    public static RetrievalResult Run(MemoryIndex index, string question, float[] questionVector, RetrievalSettings settings, DateTimeOffset? asOf, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(clock);
        return HybridRetriever.Retrieve(index, question, questionVector, settings, asOf ?? index.Latest ?? clock.GetUtcNow());
    }
}
