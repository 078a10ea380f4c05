namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>What a query retrieved and why the rest was left out.</summary>
/// <param name="Items">Best first: descending score, then newer, then id.</param>
/// <param name="Keywords">The query's keyword terms (stemmed), most informative first.</param>
/// <param name="Candidates">Memories scored: the whole index.</param>
/// <param name="BelowMinScore">Memories dropped by <see cref="RetrievalSettings.MinScore"/>.</param>
/// <param name="Duplicates">Near-duplicates of a better item, among those examined before <see cref="RetrievalSettings.TopK"/> was reached.</param>
/// <param name="OverBudget">Items that did not fit the remaining context budget, among those examined.</param>
/// <param name="ContextTokens">Estimated tokens of all <paramref name="Items"/>.</param>
/// <param name="Ranked">
/// The ranking before the cuts: the first <see cref="HybridRetriever.RankedDepth"/> memories best first, near-duplicates of
/// a better one skipped, whatever the minimum score, top k and token budget; what ranking metrics at depth k are computed on.
/// </param>
public sealed record RetrievalResult(
    IReadOnlyList<ScoredMemory> Items,
    IReadOnlyList<string> Keywords,
    int Candidates,
    int BelowMinScore,
    int Duplicates,
    int OverBudget,
    int ContextTokens,
    IReadOnlyList<MemoryEntry> Ranked)
{
    /// <summary>Whether only candidates were fused and ranked (<see cref="CandidateScoring"/>) rather than every memory.</summary>
    internal bool RankedCandidatesOnly { get; init; }
}
