namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// Raw dense scores from the HNSW index's candidates instead of a scan: each candidate gets its exact cosine, every other
/// memory with a vector the weakest candidate's (the most it can have if the candidates are the true nearest), a memory
/// without one 0 as in the scan. With reciprocal-rank fusion (the default) the candidates keep their exact ranks and the
/// rest share the last one; min-max and z-score see a narrower spread than the scan's.
/// </summary>
internal static class ApproximateDense
{
    public static void Score(IndexSnapshot snapshot, float[] unitQuery, List<int> candidates, Span<double> scores)
    {
        var memories = snapshot.Memories;
        var exact = new double[candidates.Count];
        var floor = candidates.Count == 0 ? 0 : double.MaxValue;
        for (var i = 0; i < candidates.Count; i++)
        {
            exact[i] = DenseVector.Dot(unitQuery, memories[candidates[i]].Vector.Span);
            floor = Math.Min(floor, exact[i]);
        }

        for (var i = 0; i < scores.Length; i++)
            scores[i] = memories[i].Vector.IsEmpty ? 0 : floor;
        for (var i = 0; i < candidates.Count; i++)
            scores[candidates[i]] = exact[i];
    }
}
