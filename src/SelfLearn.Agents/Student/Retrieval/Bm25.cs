namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// Okapi BM25 with the Robertson/Lucene idf ln(1 + (N - df + 0.5) / (df + 0.5)) and a term's contribution
/// idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)). With the date prefix, a memory's date terms count
/// towards tf, df, dl and avgdl as if they were written before its text.
/// </summary>
internal static class Bm25
{
    public static double Idf(int documents, int documentFrequency) =>
        Math.Log(1 + ((documents - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <param name="scores">Receives each memory's BM25 score.</param>
    /// <param name="keywordHits">Receives how many keywords each memory contains.</param>
    /// <param name="counts">Scratch, all zero on entry and on return.</param>
    /// <param name="weight">Multiplies each term's contribution before it is added to <paramref name="scores"/>.</param>
    public static void Score(
        IndexSnapshot index, IReadOnlyList<QueryTerm> terms, RetrievalSettings settings, Span<double> scores, Span<int> keywordHits, Span<int> counts,
        double weight = 1)
    {
        var withDate = settings.LexicalDatePrefix;
        var scoring = new TermScoring(index, withDate, settings.Bm25K1, settings.Bm25B, index.AverageLength(withDate), weight);
        foreach (var term in terms)
        {
            var idf = Idf(index.Count, index.DocumentFrequency(term.Id, withDate));
            var text = index.TextPostings(term.Id);
            var date = withDate ? index.DatePostings(term.Id) : TermPostings.Empty;
            Count(text, counts);
            Count(date, counts);
            scoring.Drain(text, idf, term.IsKeyword, scores, keywordHits, counts);
            scoring.Drain(date, idf, term.IsKeyword, scores, keywordHits, counts);
        }
    }

    private static void Count(TermPostings postings, Span<int> counts)
    {
        for (var i = 0; i < postings.Documents.Length; i++)
            counts[postings.Documents[i]] += postings.Counts[i];
    }

    private readonly record struct TermScoring(IndexSnapshot Index, bool WithDate, double K1, double B, double AverageLength, double Weight)
    {
        // A memory in both postings lists is scored on its first visit; zeroing its count skips the second.
        public void Drain(TermPostings postings, double idf, bool isKeyword, Span<double> scores, Span<int> keywordHits, Span<int> counts)
        {
            foreach (var position in postings.Documents)
            {
                var tf = counts[position];
                if (tf == 0)
                    continue;
                counts[position] = 0;
                var lengthNorm = K1 * (1 - B + (B * Index.Length(position, WithDate) / AverageLength));
                scores[position] += Weight * (idf * tf * (K1 + 1) / (tf + lengthNorm));
                if (isKeyword)
                    keywordHits[position]++;
            }
        }
    }
}
