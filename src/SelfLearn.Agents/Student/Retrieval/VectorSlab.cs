namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// Writer-side allocator of unit vectors in large shared arrays: the dense pass then streams through memory instead of
/// chasing one small array per memory (about three times faster at 10,000 memories). Slabs start small so that an index
/// of a few memories stays small. A row is written once, before the snapshot that refers to it is published.
/// </summary>
internal sealed class VectorSlab
{
    private const int FirstSlabRows = 16;
    private const int MaxSlabRows = 1024;

    private float[] slab = [];
    private int used;
    private int nextSlabRows = FirstSlabRows;

    /// <summary>A normalised copy of <paramref name="vector"/>, or empty for an empty vector.</summary>
    public ReadOnlyMemory<float> AddUnit(float[] vector)
    {
        if (vector.Length == 0)
            return ReadOnlyMemory<float>.Empty;
        if (slab.Length - used < vector.Length)
        {
            slab = new float[nextSlabRows * vector.Length];
            used = 0;
            nextSlabRows = Math.Min(nextSlabRows * 2, MaxSlabRows);
        }

        var row = slab.AsMemory(used, vector.Length);
        DenseVector.Normalize(vector, row.Span);
        used += vector.Length;
        return row;
    }
}
