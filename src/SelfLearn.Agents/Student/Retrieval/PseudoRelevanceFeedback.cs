namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// Lexical query expansion from the first BM25 pass. The feedback memories are the <see cref="RetrievalSettings.PrfDocs"/>
/// best by raw BM25 among those scoring above 0 (ties: newer, then id). Their text terms that are not query terms are
/// ranked by idf (fewest memories first, ties by term) and the first <see cref="RetrievalSettings.PrfTerms"/> are scored in a
/// second pass and added with weight λ = <see cref="RetrievalSettings.PrfWeight"/>: bm25(d) = bm25(query, d) + λ · bm25(expansion, d).
/// Expansion terms are never keywords. Off when either the term count or the weight is 0.
/// </summary>
internal static class PseudoRelevanceFeedback
{
    /// <returns>The expansion terms, most informative first.</returns>
    public static IReadOnlyList<string> Expand(IndexSnapshot index, QueryTerms query, RetrievalSettings settings, ScoreTable table)
    {
        if (settings.PrfTerms == 0 || settings.PrfWeight == 0)
            return [];
        var expansion = ExpansionTerms(index, query, FeedbackMemories(index, table.RawBm25, settings.PrfDocs), settings);
        if (expansion.Count == 0)
            return [];
        Bm25.Score(index, expansion.ConvertAll(t => new QueryTerm(t.Id, IsKeyword: false)), settings, table.RawBm25, table.KeywordHits,
            table.Counts, settings.PrfWeight);
        return expansion.ConvertAll(t => t.Term);
    }

    private static List<IndexedMemory> FeedbackMemories(IndexSnapshot index, ReadOnlySpan<double> scores, int count)
    {
        var ranked = new List<(double Score, IndexedMemory Memory)>();
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > 0)
                ranked.Add((scores[i], index.Memories[i]));
        }

        ranked.Sort((x, y) =>
        {
            var byScore = y.Score.CompareTo(x.Score);
            if (byScore != 0)
                return byScore;
            var byTime = y.Memory.Entry.Timestamp.CompareTo(x.Memory.Entry.Timestamp);
            return byTime != 0 ? byTime : x.Memory.Entry.Id.CompareTo(y.Memory.Entry.Id);
        });
        return [.. ranked.Take(count).Select(r => r.Memory)];
    }

    private static List<(int Id, string Term)> ExpansionTerms(IndexSnapshot index, QueryTerms query, List<IndexedMemory> feedback, RetrievalSettings settings)
    {
        var queryIds = query.Terms.Select(t => t.Id).ToHashSet();
        var candidates = new Dictionary<string, (int Id, int Frequency)>(StringComparer.Ordinal);
        foreach (var term in feedback.SelectMany(m => Tokenizer.Tokenize(m.Entry.Text)))
        {
            var id = index.TermId(term);
            if (id >= 0 && !queryIds.Contains(id))
                candidates.TryAdd(term, (id, index.DocumentFrequency(id, settings.LexicalDatePrefix)));
        }

        return [.. candidates
            .OrderBy(c => c.Value.Frequency)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(settings.PrfTerms)
            .Select(c => (c.Value.Id, c.Key))];
    }
}
