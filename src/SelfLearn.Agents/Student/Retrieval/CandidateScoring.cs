using System.Buffers;

namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// Above <see cref="AnnOptions.Threshold"/>, with reciprocal-rank fusion and no second model: the same result as fusing,
/// inheriting and selecting over every memory, computed over candidates only, or null when that cannot be proven and every
/// memory must be scored. The approximation of the ANN path stays where it is (<see cref="ApproximateDense"/>: a memory outside
/// the HNSW candidates has no dense signal); this step adds none.
/// <para>
/// The core candidates are the HNSW candidates, the <c>lexical</c> best BM25 hits (all hits tied with the last one too) and the
/// <see cref="HybridRetriever.RankedDepth"/> newest memories. A memory outside the core has no dense signal, a BM25 rank
/// past the lexical ones, so a normalised BM25 of at most (k + 1) / (k + lexical + 1), at most the keyword share of the best
/// such hit, at most the recency of the newest memory outside the core, and a speaker signal of at most 1: its fused score is
/// at most the fusion G of those bounds, and a memory none of whose turns within the neighbour window is in the core
/// scores at most U = max(G, w·G) after inheritance. The ranked memories (the core and its window) get their exact final
/// score, from the fused scores of their own window; BM25 ranks outside the lexical best are counted exactly for them.
/// The selection walks them best first; it stands only when it finishes on a memory scoring above U, since everything else
/// would come after; otherwise, and when a minimum score above 0 could cut memories that were not scored, it is null.
/// </para>
/// </summary>
internal static class CandidateScoring
{
    private const byte Core = 3;
    private const byte Ranked = 2;
    private const byte Fused = 1;

    public static ResultSelection? TrySelect(
        IndexSnapshot index, ScoreTable table, List<int> dense, Signals signals, RetrievalSettings settings, int lexical)
    {
        var levels = ArrayPool<byte>.Shared.Rent(index.Count);
        Array.Clear(levels, 0, index.Count);
        try
        {
            return TrySelect(index, table, dense, signals, settings, lexical, levels);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(levels);
        }
    }

    private static ResultSelection? TrySelect(
        IndexSnapshot index, ScoreTable table, List<int> dense, Signals signals, RetrievalSettings settings, int lexical, byte[] levels)
    {
        var raw = table.RawBm25;
        var hits = new List<int>();
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] > 0)
                hits.Add(i);
        }

        var best = BestHits(raw, hits, lexical);
        var core = new List<int>(dense.Count + best.Count + HybridRetriever.RankedDepth);
        foreach (var position in dense)
            NeighborInheritance.Join(position, levels, Core, core);
        foreach (var position in best)
            NeighborInheritance.Join(position, levels, Core, core);
        var newest = index.NewestFirst;
        for (var i = 0; i < Math.Min(HybridRetriever.RankedDepth, newest.Length); i++)
            NeighborInheritance.Join(newest[i], levels, Core, core);

        var ranked = new List<int>(core);
        NeighborInheritance.AddWindows(index, core, settings.NeighborWindow, levels, Ranked, ranked);
        var fused = new List<int>(ranked);
        NeighborInheritance.AddWindows(index, ranked, settings.NeighborWindow, levels, Fused, fused);

        var bound = Bound(index, table, hits, best.Count, signals, settings, levels);
        if (settings.MinScore > 0 && bound >= settings.MinScore)
            return null;

        Normalise(raw, hits, best, fused, table.Bm25, settings.RrfK);
        NormaliseDense(dense, fused, table.RawDense, table.Dense, settings.RrfK);
        Fuse(index, table, signals, fused);
        foreach (var position in ranked)
            table.Final[position] = NeighborInheritance.FinalAt(index, table.Fused, position, settings.NeighborWeight, settings.NeighborWindow);

        var selection = ResultSelection.SelectAmong(index, table, settings, ranked, bound);
        return selection is null || settings.MinScore <= 0
            ? selection
            : selection with { BelowMinScore = selection.BelowMinScore + (index.Count - ranked.Count) };
    }

    /// <summary>U of the summary: what a memory with no turn of its window in the core can score at most; −∞ when there is none.</summary>
    private static double Bound(IndexSnapshot index, ScoreTable table, List<int> hits, int bestHits, Signals signals, RetrievalSettings settings, byte[] levels)
    {
        var outside = Array.FindIndex(index.NewestFirst, p => levels[p] != Core);
        if (outside < 0)
            return double.NegativeInfinity;
        var newestOutside = index.NewestFirst[outside];

        var keywordHits = table.KeywordHits;
        int? mostKeywords = null;
        foreach (var position in hits)
        {
            if (levels[position] != Core)
                mostKeywords = Math.Max(mostKeywords ?? 0, keywordHits[position]);
        }

        var recency = signals.Recency(index.UtcTicks[newestOutside]);
        var speaker = settings.SpeakerWeight > 0 ? 1 : 0;
        var bm25 = (settings.RrfK + 1.0) / (settings.RrfK + bestHits + 1);
        var fused = mostKeywords is { } keywords
            ? signals.Fuse(bm25, 0, recency, signals.KeywordShare(keywords), speaker)
            : signals.Fuse(0, 0, recency, 0, speaker);
        return Math.Max(fused, settings.NeighborWeight * fused);
    }

    /// <summary>The <paramref name="count"/> hits with the highest raw BM25 and every hit tied with the last, best first.</summary>
    private static List<int> BestHits(ReadOnlySpan<double> raw, List<int> hits, int count)
    {
        if (hits.Count <= count)
            return SortedByScore(raw, hits);

        var lowestFirst = new PriorityQueue<int, double>(count + 1);
        foreach (var position in hits)
        {
            if (lowestFirst.Count < count)
                lowestFirst.Enqueue(position, raw[position]);
            else if (raw[position] > raw[lowestFirst.Peek()])
                lowestFirst.DequeueEnqueue(position, raw[position]);
        }

        var cut = raw[lowestFirst.Peek()];
        var best = new List<int>(count);
        foreach (var position in hits)
        {
            if (raw[position] >= cut)
                best.Add(position);
        }

        return SortedByScore(raw, best);
    }

    private static List<int> SortedByScore(ReadOnlySpan<double> raw, List<int> positions)
    {
        var keys = new double[positions.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = -raw[positions[i]];
        var sorted = positions.ToArray();
        Array.Sort(keys, sorted);
        return [.. sorted];
    }

    /// <summary>
    /// The reciprocal rank of <see cref="ScoreNormalizer"/> for every fused memory: competition rank 1 + the number of hits
    /// with a higher raw score, read off the sorted best hits, and counted over all hits for the others.
    /// </summary>
    private static void Normalise(ReadOnlySpan<double> raw, List<int> hits, List<int> best, List<int> fused, Span<double> bm25, int rrfK)
    {
        var rank = 0;
        for (var i = 0; i < best.Count; i++)
        {
            if (i == 0 || raw[best[i]] != raw[best[i - 1]])
                rank = i + 1;
            bm25[best[i]] = (rrfK + 1.0) / (rrfK + rank);
        }

        var bestSet = best.ToHashSet();
        var others = new List<int>();
        var values = new HashSet<double>();
        foreach (var position in fused)
        {
            if (raw[position] == 0)
                bm25[position] = 0;
            else if (!bestSet.Contains(position))
            {
                others.Add(position);
                values.Add(raw[position]);
            }
        }

        if (others.Count == 0)
            return;
        var thresholds = values.Order().ToArray();
        var above = new int[thresholds.Length + 1];
        foreach (var position in hits)
        {
            var at = Array.BinarySearch(thresholds, raw[position]);
            above[at >= 0 ? at : ~at]++;
        }

        // above[j] counts the hits whose score exceeds exactly j thresholds; a suffix sum turns it into "higher than threshold j".
        var higher = new int[thresholds.Length];
        var running = 0;
        for (var j = thresholds.Length - 1; j >= 0; j--)
        {
            running += above[j + 1];
            higher[j] = running;
        }

        foreach (var position in others)
            bm25[position] = (rrfK + 1.0) / (rrfK + 1 + higher[Array.BinarySearch(thresholds, raw[position])]);
    }

    private static void NormaliseDense(List<int> dense, List<int> fused, ReadOnlySpan<double> rawDense, Span<double> normalised, int rrfK)
    {
        foreach (var position in fused)
            normalised[position] = 0;
        var scores = new double[dense.Count];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = rawDense[dense[i]];
        ScoreNormalizer.Normalize(scores, FusionMethod.Rrf, rrfK);
        for (var i = 0; i < scores.Length; i++)
            normalised[dense[i]] = scores[i];
    }

    private static void Fuse(IndexSnapshot index, ScoreTable table, Signals signals, List<int> fused)
    {
        var memories = index.Memories;
        var ticks = index.UtcTicks;
        var bm25 = table.Bm25;
        var dense = table.Dense;
        var hits = table.KeywordHits;
        var scores = table.Fused;
        foreach (var position in fused)
        {
            var speaker = signals.UsesSpeaker ? signals.Speaker(memories[position].Entry.Speaker) : 0;
            scores[position] = signals.Fuse(bm25[position], dense[position], signals.Recency(ticks[position]), signals.KeywordShare(hits[position]), speaker);
        }
    }
}
