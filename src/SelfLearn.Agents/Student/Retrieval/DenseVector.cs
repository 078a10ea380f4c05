using System.Numerics;
using System.Runtime.InteropServices;

namespace SelfLearn.Agents.Student.Retrieval;

internal static class DenseVector
{
    /// <summary>Cosine similarity of unit vectors; 0 when either is empty.</summary>
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.IsEmpty || b.IsEmpty)
            return 0;
        if (a.Length != b.Length)
            throw new ArgumentException($"Vectors of {a.Length} and {b.Length} dimensions cannot be compared.", nameof(b));
        var wide = MemoryMarshal.Cast<float, Vector<float>>(a);
        var otherWide = MemoryMarshal.Cast<float, Vector<float>>(b);
        // Four running sums keep the multiply-adds independent, so the loop is not bound by addition latency.
        Vector<float> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
        var v = 0;
        for (; v + 4 <= wide.Length; v += 4)
        {
            sum0 += wide[v] * otherWide[v];
            sum1 += wide[v + 1] * otherWide[v + 1];
            sum2 += wide[v + 2] * otherWide[v + 2];
            sum3 += wide[v + 3] * otherWide[v + 3];
        }

        for (; v < wide.Length; v++)
            sum0 += wide[v] * otherWide[v];
        var dot = Vector.Sum(sum0 + sum1 + sum2 + sum3);
        for (var i = wide.Length * Vector<float>.Count; i < a.Length; i++)
            dot += a[i] * b[i];
        return dot;
    }

    public static bool IsFinite(ReadOnlySpan<float> vector)
    {
        foreach (var component in vector)
        {
            if (!float.IsFinite(component))
                return false;
        }

        return true;
    }

    /// <summary>Writes the unit-length version of <paramref name="vector"/>; a zero vector stays zero.</summary>
    public static void Normalize(ReadOnlySpan<float> vector, Span<float> unit)
    {
        var norm = Math.Sqrt(Dot(vector, vector));
        for (var i = 0; i < vector.Length; i++)
            unit[i] = norm > 0 ? (float)(vector[i] / norm) : 0;
    }
}
