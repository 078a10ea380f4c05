namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// Hybrid retrieval over one user's <see cref="MemoryIndex"/>. Every memory gets four signals in [0, 1]: BM25 (its query
/// optionally expanded by <see cref="PseudoRelevanceFeedback"/>) and dense cosine (normalised over all memories by
/// <see cref="RetrievalSettings.Fusion"/>), recency 0.5^(age / half-life), and the share of the query's keywords it contains;
/// a fifth, 1 when its speaker is named in the question (<see cref="SpeakerMentions"/>); and, when
/// <see cref="RetrievalSettings.SecondEmbedder"/> is on, the second model's cosine normalised like the first. Fused =
/// weighted mean of the signals (0 when all weights are 0). A memory then inherits from the turns around it in the same
/// session (<see cref="NeighborInheritance"/>); <see cref="ResultSelection"/> cuts the ranked list. From
/// <see cref="AnnOptions.Threshold"/> memories on, only the HNSW index's candidates get a dense cosine (<see cref="ApproximateDense"/>),
/// and with reciprocal-rank fusion and no second model only the memories that can reach the result are fused and ranked
/// (<see cref="CandidateScoring"/>, the same result as ranking every memory).
/// </summary>
public static class HybridRetriever
{
    /// <summary>How deep <see cref="RetrievalResult.Ranked"/> goes: the deepest cut-off ranking metrics are reported at (recall@50).</summary>
    public const int RankedDepth = 50;

    /// <param name="queryVector">The query's embedding, from the same model as the memories; empty for lexical-only retrieval.</param>
    /// <param name="now">Reference time of recency; <see cref="MemoryIndex.Latest"/> when replaying a dataset.</param>
    /// <param name="secondQueryVector">The query's embedding by the second model; needed only when <see cref="RetrievalSettings.SecondEmbedder"/> is on.</param>
    /// <exception cref="InvalidOperationException">The second model is on and some memory of the index has no second vector.</exception>
    public static RetrievalResult Retrieve(
        MemoryIndex index, string query, float[] queryVector, RetrievalSettings settings, DateTimeOffset now, float[]? secondQueryVector = null) =>
        TryRetrieve(index, query, queryVector, settings, now, secondQueryVector)
        ?? throw new InvalidOperationException("The second embedder is on, but some memories of the index have no second-model vector yet.");

    /// <summary>As <see cref="Retrieve"/>, but null when the second model is on and the snapshot read has memories without its vectors.</summary>
    /// <param name="scoreEveryMemory">Fuses and ranks every memory even where <see cref="CandidateScoring"/> would do: the reference it is tested against.</param>
    internal static RetrievalResult? TryRetrieve(
        MemoryIndex index, string query, float[] queryVector, RetrievalSettings settings, DateTimeOffset now, float[]? secondQueryVector,
        bool scoreEveryMemory = false)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(queryVector);
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        var snapshot = index.Snapshot;
        if (queryVector.Length != 0 && snapshot.Dimension != 0 && queryVector.Length != snapshot.Dimension)
            throw new ArgumentException($"The query vector has {queryVector.Length} dimensions; the index holds {snapshot.Dimension}.", nameof(queryVector));
        if (!DenseVector.IsFinite(queryVector))
            throw new ArgumentException("The query vector has a component that is not a finite number.", nameof(queryVector));

        var second = settings.SecondEmbedder == SecondEmbedder.None ? null : SecondRows(index, snapshot, secondQueryVector);
        if (settings.SecondEmbedder != SecondEmbedder.None && second is null)
            return null;

        var terms = QueryTerms.From(snapshot, query, settings);
        using var table = new ScoreTable(snapshot.Count);
        Bm25.Score(snapshot, terms.Terms, settings, table.RawBm25, table.KeywordHits, table.Counts);
        PseudoRelevanceFeedback.Expand(snapshot, terms, settings, table);
        var unitQuery = new float[queryVector.Length];
        DenseVector.Normalize(queryVector, unitQuery);
        var candidates = index.DenseCandidates(snapshot, unitQuery);
        if (candidates is not null)
            ApproximateDense.Score(snapshot, unitQuery, candidates, table.RawDense);
        else
            ScoreDense(snapshot, unitQuery, table.RawDense);
        var signals = new Signals(settings, now, terms.Keywords.Count, query);
        var selection = candidates is not null && second is null && settings.Fusion == FusionMethod.Rrf && !scoreEveryMemory
            ? CandidateScoring.TrySelect(snapshot, table, candidates, signals, settings, index.CandidateCount)
            : null;
        var candidatesOnly = selection is not null;
        selection ??= ScoreEvery(snapshot, table, signals, settings, second);

        var items = selection.Kept.ConvertAll(position => signals.Describe(snapshot.Memories[position], position, table));
        return new RetrievalResult(items, terms.Keywords, snapshot.Count, selection.BelowMinScore, selection.Duplicates,
            selection.OverBudget, selection.ContextTokens, selection.Ranked.ConvertAll(position => snapshot.Memories[position].Entry))
        {
            RankedCandidatesOnly = candidatesOnly,
        };
    }

    private static ResultSelection ScoreEvery(
        IndexSnapshot snapshot, ScoreTable table, Signals signals, RetrievalSettings settings, (SecondVectors Rows, float[] Query)? second)
    {
        table.RawBm25.CopyTo(table.Bm25);
        table.RawDense.CopyTo(table.Dense);
        ScoreNormalizer.Normalize(table.Bm25, settings.Fusion, settings.RrfK);
        ScoreNormalizer.Normalize(table.Dense, settings.Fusion, settings.RrfK);
        if (second is not null)
            ScoreSecond(second.Value, table, settings);
        Fuse(snapshot, table, signals);
        NeighborInheritance.Apply(snapshot, table, settings.NeighborWeight, settings.NeighborWindow);
        return ResultSelection.Select(snapshot, table, settings);
    }

    internal static void ScoreDense(IndexSnapshot index, float[] query, Span<double> scores)
    {
        var memories = index.Memories;
        for (var i = 0; i < scores.Length; i++)
            scores[i] = DenseVector.Dot(query, memories[i].Vector.Span);
    }

    private static (SecondVectors Rows, float[] Query)? SecondRows(MemoryIndex index, IndexSnapshot snapshot, float[]? queryVector)
    {
        if (queryVector is not { Length: > 0 })
            throw new ArgumentException("The second embedder is on, but no second query vector was given.", nameof(queryVector));
        if (!DenseVector.IsFinite(queryVector))
            throw new ArgumentException("The second query vector has a component that is not a finite number.", nameof(queryVector));
        if (index.SecondVectorsCovering(snapshot) is not { } rows)
            return null;
        if (rows.Count > 0 && rows.Dimension != queryVector.Length)
            throw new ArgumentException($"The second query vector has {queryVector.Length} dimensions; the index holds {rows.Dimension}.", nameof(queryVector));
        var unit = new float[queryVector.Length];
        DenseVector.Normalize(queryVector, unit);
        return (rows, unit);
    }

    private static void ScoreSecond((SecondVectors Rows, float[] Query) second, ScoreTable table, RetrievalSettings settings)
    {
        var raw = table.RawSecondDense;
        for (var i = 0; i < raw.Length; i++)
            raw[i] = DenseVector.Dot(second.Query, second.Rows.Rows[i].Span);
        raw.CopyTo(table.SecondDense);
        ScoreNormalizer.Normalize(table.SecondDense, settings.Fusion, settings.RrfK);
    }

    private static void Fuse(IndexSnapshot index, ScoreTable table, Signals signals)
    {
        var bm25 = table.Bm25;
        var dense = table.Dense;
        var secondDense = table.SecondDense;
        var hits = table.KeywordHits;
        var fused = table.Fused;
        var memories = index.Memories;
        var ticks = index.UtcTicks;
        for (var i = 0; i < fused.Length; i++)
        {
            var speaker = signals.UsesSpeaker ? signals.Speaker(memories[i].Entry.Speaker) : 0;
            fused[i] = signals.Fuse(bm25[i], dense[i], signals.Recency(ticks[i]), signals.KeywordShare(hits[i]), speaker, secondDense[i]);
        }
    }
}
