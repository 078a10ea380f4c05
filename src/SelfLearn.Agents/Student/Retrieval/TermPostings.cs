namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>The memories (ascending positions) that contain one term, with the term's count in each.</summary>
internal sealed class TermPostings(int[] documents, int[] counts)
{
    public static TermPostings Empty { get; } = new([], []);

    public int[] Documents { get; } = documents;

    public int[] Counts { get; } = counts;

    public TermPostings Append(List<(int Document, int Count)> added)
    {
        var documents = new int[Documents.Length + added.Count];
        var counts = new int[documents.Length];
        Documents.CopyTo(documents, 0);
        Counts.CopyTo(counts, 0);
        for (var i = 0; i < added.Count; i++)
            (documents[Documents.Length + i], counts[Documents.Length + i]) = added[i];
        return new TermPostings(documents, counts);
    }
}
