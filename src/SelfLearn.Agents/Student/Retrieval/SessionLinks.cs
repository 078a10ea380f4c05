namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// Writer-side record of each session's turns by ordinal, from which every memory's neighbours are derived. Turns that
/// share an ordinal (stored by a version that could race) follow each other in the order they were indexed.
/// </summary>
internal sealed class SessionLinks
{
    public const int None = -1;

    private readonly Dictionary<string, SortedSet<(int Ordinal, int Position)>> sessions = new(StringComparer.Ordinal);

    /// <summary>Previous and next positions for the grown index; only the sessions the batch touches are relinked.</summary>
    public (int[] Previous, int[] Next) Link(int[] previous, int[] next, IReadOnlyList<MemoryEntry> batch, int firstPosition)
    {
        var count = firstPosition + batch.Count;
        var newPrevious = new int[count];
        var newNext = new int[count];
        previous.CopyTo(newPrevious, 0);
        next.CopyTo(newNext, 0);
        newPrevious.AsSpan(firstPosition).Fill(None);
        newNext.AsSpan(firstPosition).Fill(None);

        var touched = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].SessionKey is not { } key)
                continue;
            if (!sessions.TryGetValue(key, out var turns))
                sessions[key] = turns = [];
            turns.Add((batch[i].Ordinal, firstPosition + i));
            touched.Add(key);
        }

        foreach (var key in touched)
        {
            var before = None;
            foreach (var (_, position) in sessions[key])
            {
                newPrevious[position] = before;
                if (before != None)
                    newNext[before] = position;
                before = position;
            }
            newNext[before] = None;
        }

        return (newPrevious, newNext);
    }
}
