using System.Buffers;

namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// Per-memory scores of one query, in pooled arrays so that a query over a large index allocates little. Only the arrays
/// that are added to, and the second model's (0 while it is off), start at 0; every other one is written before it is read.
/// </summary>
internal sealed class ScoreTable : IDisposable
{
    private readonly int count;
    private readonly double[][] signals;
    private readonly int[] keywordHits;
    private readonly int[] counts;

    public ScoreTable(int count)
    {
        this.count = count;
        signals = new double[8][];
        for (var i = 0; i < signals.Length; i++)
            signals[i] = ArrayPool<double>.Shared.Rent(count);
        // RawBm25 (added to term by term), RawSecondDense and SecondDense (read as 0 while the second model is off).
        foreach (var cleared in (ReadOnlySpan<int>)[0, 6, 7])
            Array.Clear(signals[cleared], 0, count);
        keywordHits = Rent<int>(count);
        counts = Rent<int>(count);
    }

    public Span<double> RawBm25 => signals[0].AsSpan(0, count);

    public Span<double> Bm25 => signals[1].AsSpan(0, count);

    public Span<double> RawDense => signals[2].AsSpan(0, count);

    public Span<double> Dense => signals[3].AsSpan(0, count);

    public Span<double> Fused => signals[4].AsSpan(0, count);

    public Span<double> Final => signals[5].AsSpan(0, count);

    /// <summary>Cosine of the second model (0 for every memory when it is off).</summary>
    public Span<double> RawSecondDense => signals[6].AsSpan(0, count);

    public Span<double> SecondDense => signals[7].AsSpan(0, count);

    public Span<int> KeywordHits => keywordHits.AsSpan(0, count);

    /// <summary>Scratch for <see cref="Retrieval.Bm25"/>.</summary>
    public Span<int> Counts => counts.AsSpan(0, count);

    public double FinalScore(int position) => signals[5][position];

    public void Dispose()
    {
        foreach (var signal in signals)
            ArrayPool<double>.Shared.Return(signal);
        ArrayPool<int>.Shared.Return(keywordHits);
        ArrayPool<int>.Shared.Return(counts);
    }

    private static T[] Rent<T>(int length)
    {
        var array = ArrayPool<T>.Shared.Rent(length);
        Array.Clear(array, 0, length);
        return array;
    }
}
