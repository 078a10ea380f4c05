namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// Raw dense scores from the HNSW index's candidates instead of a scan: each candidate gets its exact cosine, every other
/// memory 0, as if it had no vector. With reciprocal-rank fusion (the default) the candidates keep their exact ranks and
/// only they are sorted; a memory outside them loses at most (k + 1) / (k + candidates + 1) of dense signal. Min-max and
/// z-score normalise over mostly zeros, so their dense scale differs from the scan's.
/// </summary>
internal static class ApproximateDense
{
    public static void Score(IndexSnapshot snapshot, float[] unitQuery, List<int> candidates, Span<double> scores)
    {
        var memories = snapshot.Memories;
        scores.Clear();
        foreach (var position in candidates)
            scores[position] = DenseVector.Dot(unitQuery, memories[position].Vector.Span);
    }
}
