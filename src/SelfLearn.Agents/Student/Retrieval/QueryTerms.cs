namespace SelfLearn.Agents.Student.Retrieval;

internal readonly record struct QueryTerm(int Id, bool IsKeyword);

/// <summary>
/// The distinct query terms that occur in the index, and the keywords among them: the
/// <see cref="RetrievalSettings.KeywordCount"/> with the highest idf (fewest memories), ties by term.
/// Terms no memory contains cannot lift any memory, so they are never keywords.
/// </summary>
internal sealed record QueryTerms(IReadOnlyList<QueryTerm> Terms, IReadOnlyList<string> Keywords)
{
    public static QueryTerms From(IndexSnapshot index, string query, RetrievalSettings settings)
    {
        var known = new List<(int Id, string Term, int Frequency)>();
        foreach (var term in Tokenizer.Tokenize(query).Distinct(StringComparer.Ordinal))
        {
            var id = index.TermId(term);
            if (id >= 0 && index.DocumentFrequency(id, settings.LexicalDatePrefix) is var frequency and > 0)
                known.Add((id, term, frequency));
        }

        var keywords = known
            .OrderBy(t => t.Frequency)
            .ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(settings.KeywordCount)
            .Select(t => t.Term)
            .ToList();
        return new QueryTerms(
            known.ConvertAll(t => new QueryTerm(t.Id, keywords.Contains(t.Term, StringComparer.Ordinal))),
            keywords);
    }
}
