namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>The distinct terms of a lexical document (ascending term ids) with their counts.</summary>
internal sealed class TermBag(int[] termIds, int[] counts, int length)
{
    public int[] TermIds { get; } = termIds;

    public int[] Counts { get; } = counts;

    /// <summary>Number of tokens, the document length of BM25.</summary>
    public int Length { get; } = length;

    public static TermBag From(List<string> tokens, Func<string, int> termId)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var token in tokens)
        {
            var id = termId(token);
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        return new TermBag([.. counts.Keys], [.. counts.Values], tokens.Count);
    }

    /// <summary>Shared terms over all distinct terms; 0 for two empty documents.</summary>
    public double Jaccard(TermBag other)
    {
        int shared = 0, i = 0, j = 0;
        while (i < TermIds.Length && j < other.TermIds.Length)
        {
            var order = TermIds[i].CompareTo(other.TermIds[j]);
            if (order == 0)
                shared++;
            if (order <= 0)
                i++;
            if (order >= 0)
                j++;
        }

        var union = TermIds.Length + other.TermIds.Length - shared;
        return union == 0 ? 0 : (double)shared / union;
    }
}
