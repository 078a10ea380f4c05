namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>The memories of an index that have no second-model vector yet: those from position <paramref name="From"/> on.</summary>
public sealed record SecondVectorGap(string Model, int From, IReadOnlyList<MemoryEntry> Memories);

/// <summary>
/// The second model's unit vectors, by position, for the first <see cref="Count"/> memories (positions never move:
/// memories are only appended). Published whole, like a snapshot.
/// </summary>
internal sealed record SecondVectors(string Model, int Dimension, ReadOnlyMemory<float>[] Rows)
{
    /// <summary>What covers an empty index: no rows are needed.</summary>
    public static SecondVectors Empty { get; } = new("", 0, []);

    public int Count => Rows.Length;
}

/// <summary>
/// Second-model vectors are added after the memories, lazily, by whoever first needs them: an ingest appends memories
/// without them, so the rows cover a prefix of the positions. A reader takes the snapshot first and the rows second, and
/// uses the rows only when they cover every memory of its snapshot; an index whose rows do not is never read as having them.
/// </summary>
public sealed partial class MemoryIndex
{
    private readonly VectorSlab secondSlab = new();
    private volatile SecondVectors? second;

    /// <summary>How many memories have a second-model vector.</summary>
    public int SecondVectorCount => second?.Count ?? 0;

    /// <summary>The memories of the current snapshot that lack a vector of <paramref name="model"/>, in position order.</summary>
    /// <exception cref="ArgumentException">The index already holds second vectors of another model.</exception>
    public SecondVectorGap MissingSecondVectors(string model)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        var current = snapshot;
        var rows = second;
        EnsureSameModel(rows, model);
        var from = Math.Min(rows?.Count ?? 0, current.Count);
        return new SecondVectorGap(model, from, [.. current.Memories.Skip(from).Select(m => m.Entry)]);
    }

    /// <summary>
    /// Adds the vectors of a gap, one per memory, in its order; rows another caller added meanwhile are kept, so
    /// concurrent fills of the same gap are harmless. A bad batch (count, dimension, a value that is not finite) changes nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The vectors do not fit the gap or the rows already held.</exception>
    public void AddSecondVectors(SecondVectorGap gap, IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(gap);
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count != gap.Memories.Count)
            throw new ArgumentException($"{vectors.Count} second vectors were given for {gap.Memories.Count} memories.", nameof(vectors));
        lock (writeLock)
        {
            var rows = second;
            EnsureSameModel(rows, gap.Model);
            var have = rows?.Count ?? 0;
            var memories = snapshot.Memories;
            if (gap.From > have || gap.From + gap.Memories.Count > memories.Length)
                throw new ArgumentException("The gap does not follow the second vectors of this index.", nameof(gap));
            var skip = have - gap.From;
            if (skip >= gap.Memories.Count)
                return;
            var dimension = rows?.Dimension ?? vectors[skip].Length;
            for (var i = skip; i < vectors.Count; i++)
            {
                if (memories[gap.From + i].Entry.Id != gap.Memories[i].Id)
                    throw new ArgumentException($"Memory {gap.Memories[i].Id} is not at position {gap.From + i} of this index.", nameof(gap));
                if (vectors[i] is not { Length: > 0 } vector || vector.Length != dimension || !DenseVector.IsFinite(vector))
                    throw new ArgumentException($"The second vector of memory {gap.Memories[i].Id} is empty, not {dimension}-dimensional or not finite.", nameof(vectors));
            }

            var added = vectors.Skip(skip).Select(v => secondSlab.AddUnit(v));
            second = new SecondVectors(gap.Model, dimension, [.. rows?.Rows ?? [], .. added]);
        }
    }

    /// <summary>The rows for every memory of <paramref name="of"/>, or null when some of them have none yet.</summary>
    internal SecondVectors? SecondVectorsCovering(IndexSnapshot of) =>
        (second ?? SecondVectors.Empty) is var rows && rows.Count >= of.Count ? rows : null;

    private static void EnsureSameModel(SecondVectors? rows, string model)
    {
        if (rows is not null && !string.Equals(rows.Model, model, StringComparison.Ordinal))
            throw new ArgumentException($"The index holds second vectors of '{rows.Model}', not '{model}'.", nameof(model));
    }
}
