using SelfLearn.Agents.Student.Memories;

namespace SelfLearn.Benchmarks.Student;

/// <summary>
/// The baseline: what a first implementation would do. Memory texts are split into lower-case word sets once; each
/// query scores every memory by cosine (dot of unit vectors) + 0.5 × share of query words it contains, then sorts all.
/// </summary>
internal sealed class NaiveRetriever(IReadOnlyList<MemoryDocument> memories)
{
    private static readonly char[] Separators = [' ', ',', '.', '!', '?', ';', ':', '"', '\'', '(', ')', '[', ']', '-', '#'];

    private readonly (MemoryDocument Memory, HashSet<string> Words)[] _memories =
        memories.Select(m => (m, Words(m.Text))).ToArray();

    public int Retrieve(string question, float[] queryVector)
    {
        var terms = Words(question);
        return _memories
            .Select(m => (m.Memory.Id, Score: Dot(queryVector, m.Memory.Vector) + 0.5 * terms.Count(m.Words.Contains) / Math.Max(1, terms.Count)))
            .OrderByDescending(m => m.Score)
            .Take(10)
            .Count();
    }

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
