namespace SelfLearn.Agents.Teacher.Search;

/// <summary>The known names a mistyped one was probably meant to be, for refusal messages.</summary>
public static class CloseNames
{
    public static IReadOnlyList<string> To(string name, IEnumerable<string> known, int count = 5) =>
        [.. known.Select(n => (Name: n, Distance: Math.Min(Distance(name, n), Distance(name, n[(n.IndexOf('.', StringComparison.Ordinal) + 1)..]))))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).Take(count).Select(c => c.Name)];

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
