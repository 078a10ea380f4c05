namespace SelfLearn.Agents.Tests.Embeddings;

internal static class Vectors
{
    public static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    public static double Norm(float[] a) => Math.Sqrt(Dot(a, a));

    public static double MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
}
