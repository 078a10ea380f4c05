namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// From final scores to the returned items: drop scores below the minimum, then walk best first (ties: newer, then id),
/// skipping near-duplicates of an item already kept and items that no longer fit the token budget, until top k are kept.
/// </summary>
internal sealed record ResultSelection(List<int> Kept, int BelowMinScore, int Duplicates, int OverBudget, int ContextTokens)
{
    public static ResultSelection Select(IndexSnapshot index, ScoreTable table, RetrievalSettings settings)
    {
        var candidates = new List<(int, int)>(index.Count);
        for (var i = 0; i < index.Count; i++)
        {
            if (table.FinalScore(i) >= settings.MinScore)
                candidates.Add((i, i));
        }

        var queue = new PriorityQueue<int, int>(candidates, new BestFirst(index, table));
        var kept = new List<int>(settings.TopK);
        int duplicates = 0, overBudget = 0, tokens = 0;
        while (kept.Count < settings.TopK && queue.TryDequeue(out var position, out _))
        {
            var memory = index.Memories[position];
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

        return new ResultSelection(kept, index.Count - candidates.Count, duplicates, overBudget, tokens);
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
