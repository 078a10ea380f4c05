namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// From final scores to the returned items: drop scores below the minimum, then walk best first (ties: newer, then id),
/// skipping near-duplicates of an item already kept and items that no longer fit the token budget, until top k are kept.
/// The same walk also yields <see cref="Ranked"/>: the first <see cref="HybridRetriever.RankedDepth"/> memories with only
/// near-duplicates skipped, so ranking metrics at depth k do not depend on top k, the minimum score or the budget.
/// The walk rarely goes deep, so only the best memories are put in order, a few more whenever it runs past them.
/// </summary>
internal sealed record ResultSelection(List<int> Kept, List<int> Ranked, int BelowMinScore, int Duplicates, int OverBudget, int ContextTokens)
{
    /// <summary>The selection over every memory of the index.</summary>
    public static ResultSelection Select(IndexSnapshot index, ScoreTable table, RetrievalSettings settings)
    {
        var belowMinScore = 0;
        for (var i = 0; i < index.Count; i++)
        {
            if (table.FinalScore(i) < settings.MinScore)
                belowMinScore++;
        }

        return Walk(index, table, settings, null, double.NegativeInfinity)! with { BelowMinScore = belowMinScore };
    }

    /// <summary>
    /// The selection among <paramref name="positions"/>, which is the selection over every memory when every memory left
    /// out scores at most <paramref name="bound"/>: null when the walk reaches a memory that does not score above it, or
    /// runs out of positions before it is done. <see cref="BelowMinScore"/> counts the positions only.
    /// </summary>
    public static ResultSelection? SelectAmong(IndexSnapshot index, ScoreTable table, RetrievalSettings settings, List<int> positions, double bound)
    {
        var selection = Walk(index, table, settings, positions, bound);
        if (selection is null)
            return null;
        var belowMinScore = 0;
        foreach (var position in positions)
        {
            if (table.FinalScore(position) < settings.MinScore)
                belowMinScore++;
        }

        return selection with { BelowMinScore = belowMinScore };
    }

    // positions null: every memory. With a finite bound the walk must finish before any score at or below it.
    private static ResultSelection? Walk(IndexSnapshot index, ScoreTable table, RetrievalSettings settings, List<int>? positions, double bound)
    {
        var order = new BestFirst(index, table);
        var available = positions?.Count ?? index.Count;
        for (var depth = Math.Max(HybridRetriever.RankedDepth, settings.TopK) * 2L; ; depth *= 4)
        {
            var best = Best(positions, available, (int)Math.Min(depth, available), order);
            var (selection, done, last) = WalkInOrder(index, table, settings, best);
            var exhausted = best.Count == available;
            if (double.IsNegativeInfinity(bound))
            {
                if (done || exhausted)
                    return selection;
                continue;
            }

            // Walked best first, so the last memory walked is the weakest one the selection depends on.
            if (last >= 0 && table.FinalScore(last) <= bound)
                return null;
            if (done)
                return selection;
            if (exhausted)
                return null;
        }
    }

    /// <summary>The <paramref name="depth"/> best positions, best first.</summary>
    private static List<int> Best(List<int>? positions, int available, int depth, BestFirst order)
    {
        // A max-heap on "worse": its top is the worst of the best kept so far.
        var worstFirst = new PriorityQueue<int, int>(Math.Min(depth, available) + 1, Comparer<int>.Create((x, y) => order.Compare(y, x)));
        for (var i = 0; i < available; i++)
        {
            var position = positions?[i] ?? i;
            if (worstFirst.Count < depth)
                worstFirst.Enqueue(position, position);
            else if (order.Compare(position, worstFirst.Peek()) < 0)
                worstFirst.DequeueEnqueue(position, position);
        }

        var best = new List<int>(worstFirst.Count);
        while (worstFirst.TryDequeue(out var position, out _))
            best.Add(position);
        best.Reverse();
        return best;
    }

    private static (ResultSelection Selection, bool Done, int Last) WalkInOrder(IndexSnapshot index, ScoreTable table, RetrievalSettings settings, List<int> best)
    {
        var kept = new List<int>(settings.TopK);
        var ranked = new List<int>(HybridRetriever.RankedDepth);
        int duplicates = 0, overBudget = 0, tokens = 0, last = -1;
        var next = 0;
        while ((ranked.Count < HybridRetriever.RankedDepth || kept.Count < settings.TopK) && next < best.Count)
        {
            var position = last = best[next++];
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

        var done = ranked.Count >= HybridRetriever.RankedDepth && kept.Count >= settings.TopK;
        return (new ResultSelection(kept, ranked, 0, duplicates, overBudget, tokens), done, last);
    }

    private static double Similarity(IndexedMemory a, IndexedMemory b) =>
        a.Vector.Length > 0 && b.Vector.Length > 0 ? DenseVector.Dot(a.Vector.Span, b.Vector.Span) : a.Text.Jaccard(b.Text);

    private sealed class BestFirst(IndexSnapshot index, ScoreTable table) : IComparer<int>
    {
        private readonly long[] ticks = index.UtcTicks;

        public int Compare(int x, int y)
        {
            var byScore = table.FinalScore(y).CompareTo(table.FinalScore(x));
            if (byScore != 0)
                return byScore;
            var byTime = ticks[y].CompareTo(ticks[x]);
            return byTime != 0 ? byTime : index.Memories[x].Entry.Id.CompareTo(index.Memories[y].Entry.Id);
        }
    }
}
