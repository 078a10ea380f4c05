namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// From final scores to the returned items: drop scores below the minimum, then walk best first (ties: newer, then id),
/// skipping near-duplicates of an item already kept and items that no longer fit the token budget, until top k are kept.
/// The same walk also yields <see cref="Ranked"/>: the first <see cref="HybridRetriever.RankedDepth"/> memories with only
/// near-duplicates skipped, so ranking metrics at depth k do not depend on top k, the minimum score or the budget.
/// </summary>
internal sealed record ResultSelection(List<int> Kept, List<int> Ranked, int BelowMinScore, int Duplicates, int OverBudget, int ContextTokens)
{
    public static ResultSelection Select(IndexSnapshot index, ScoreTable table, RetrievalSettings settings)
    {
        var belowMinScore = 0;
        var positions = new List<(int, int)>(index.Count);
        for (var i = 0; i < index.Count; i++)
        {
            positions.Add((i, i));
            if (table.FinalScore(i) < settings.MinScore)
                belowMinScore++;
        }

        var queue = new PriorityQueue<int, int>(positions, new BestFirst(index, table));
        var kept = new List<int>(settings.TopK);
        var ranked = new List<int>(HybridRetriever.RankedDepth);
        int duplicates = 0, overBudget = 0, tokens = 0;
        while ((ranked.Count < HybridRetriever.RankedDepth || kept.Count < settings.TopK) && queue.TryDequeue(out var position, out _))
        {
            var memory = index.Memories[position];
            if (ranked.Count < HybridRetriever.RankedDepth && !ranked.Exists(r => Similarity(memory, index.Memories[r]) >= settings.DuplicateSimilarity))
                ranked.Add(position);
            if (kept.Count >= settings.TopK || table.FinalScore(position) < settings.MinScore)
                continue;

            if (kept.Exists(k => Similarity(memory, index.Memories[k]) >= settings.DuplicateSimilarity))
            {
                duplicates++;
                continue;
            }

            if (tokens + memory.ContextTokens > settings.MaxContextTokens)
            {
                overBudget++;
                continue;
            }

            tokens += memory.ContextTokens;
            kept.Add(position);
        }

        return new ResultSelection(kept, ranked, belowMinScore, duplicates, overBudget, tokens);
    }

    private static double Similarity(IndexedMemory a, IndexedMemory b) =>
        a.Vector.Length > 0 && b.Vector.Length > 0 ? DenseVector.Dot(a.Vector.Span, b.Vector.Span) : a.Text.Jaccard(b.Text);

    private sealed class BestFirst(IndexSnapshot index, ScoreTable table) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byScore = table.FinalScore(y).CompareTo(table.FinalScore(x));
            if (byScore != 0)
                return byScore;
            var byTime = index.Memories[y].Entry.Timestamp.CompareTo(index.Memories[x].Entry.Timestamp);
            return byTime != 0 ? byTime : index.Memories[x].Entry.Id.CompareTo(index.Memories[y].Entry.Id);
        }
    }
}
