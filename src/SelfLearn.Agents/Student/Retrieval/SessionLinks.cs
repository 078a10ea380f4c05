namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>Writer-side record of each session's turns by ordinal, from which every memory's neighbours are derived.</summary>
internal sealed class SessionLinks
{
    public const int None = -1;

    private readonly Dictionary<string, SortedList<int, int>> sessions = new(StringComparer.Ordinal);

    public void EnsureNoClash(IReadOnlyList<MemoryEntry> entries)
    {
        var seen = new HashSet<(string, int)>();
        foreach (var entry in entries)
        {
            if (entry.SessionKey is not { } key)
                continue;
            if ((sessions.TryGetValue(key, out var turns) && turns.ContainsKey(entry.Ordinal)) || !seen.Add((key, entry.Ordinal)))
                throw new ArgumentException($"Session '{key}' already has a memory with ordinal {entry.Ordinal}.", nameof(entries));
        }
    }

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
                sessions[key] = turns = new SortedList<int, int>();
            turns.Add(batch[i].Ordinal, firstPosition + i);
            touched.Add(key);
        }

        foreach (var key in touched)
        {
            var positions = sessions[key].Values;
            for (var i = 0; i < positions.Count; i++)
            {
                newPrevious[positions[i]] = i > 0 ? positions[i - 1] : None;
                newNext[positions[i]] = i < positions.Count - 1 ? positions[i + 1] : None;
            }
        }

        return (newPrevious, newNext);
    }
}
