namespace SelfLearn.Domain.Teacher.Online;

/// <summary>
/// The Jensen–Shannon divergence of two distributions in bits: 0 when they are equal, 1 when they share nothing.
/// Counts or shares are normalised first; a kind missing on one side counts as 0 there.
/// </summary>
public static class JensenShannon
{
    public static double Divergence(IReadOnlyDictionary<string, double> p, IReadOnlyDictionary<string, double> q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var (pTotal, qTotal) = (p.Values.Sum(), q.Values.Sum());
        if (pTotal <= 0 || qTotal <= 0 || p.Values.Concat(q.Values).Any(v => v < 0 || !double.IsFinite(v)))
            throw new ArgumentException("both distributions need finite, non-negative weights with a positive sum.");
        var divergence = 0.0;
        foreach (var kind in p.Keys.Union(q.Keys))
        {
            var a = p.GetValueOrDefault(kind) / pTotal;
            var b = q.GetValueOrDefault(kind) / qTotal;
            var m = (a + b) / 2;
            divergence += Term(a, m) / 2 + Term(b, m) / 2;
        }
        return Math.Clamp(divergence, 0, 1);
    }

    private static double Term(double x, double m) => x > 0 ? x * Math.Log2(x / m) : 0;
}
