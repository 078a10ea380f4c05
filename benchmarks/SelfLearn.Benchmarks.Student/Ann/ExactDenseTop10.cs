using System.Numerics;
using System.Runtime.InteropServices;

namespace SelfLearn.Benchmarks.Student.Ann;

/// <summary>
/// The ground truth of recall: each question's 10 nearest memories by cosine, by a plain scan written here, not by the
/// retriever (whose exact path is timed separately as the baseline).
/// </summary>
internal sealed class ExactDenseTop10(IReadOnlyList<float[]> vectors)
{
    private readonly float[][] units = [.. vectors.Select(Unit)];

    public int[] Of(float[] query)
    {
        var unitQuery = Unit(query);
        var best = new List<(double Score, int Position)>(11);
        for (var i = 0; i < units.Length; i++)
        {
            var score = Dot(units[i], unitQuery);
            if (best.Count == 10 && score <= best[^1].Score)
                continue;
            var at = best.FindIndex(b => b.Score < score);
            best.Insert(at < 0 ? best.Count : at, (score, i));
            if (best.Count > 10)
                best.RemoveAt(10);
        }

        return [.. best.Select(b => b.Position)];
    }

    private static float[] Unit(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(x => (double)x * x));
        return [.. vector.Select(x => (float)(x / norm))];
    }

    private static double Dot(float[] a, float[] b)
    {
        var wide = MemoryMarshal.Cast<float, Vector<float>>(a);
        var otherWide = MemoryMarshal.Cast<float, Vector<float>>(b);
        var sum = Vector<float>.Zero;
        for (var i = 0; i < wide.Length; i++)
            sum += wide[i] * otherWide[i];
        var dot = Vector.Sum(sum);
        for (var i = wide.Length * Vector<float>.Count; i < a.Length; i++)
            dot += a[i] * b[i];
        return dot;
    }
}
