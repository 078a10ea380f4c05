namespace SelfLearn.Agents.Teacher.Calibration;

/// <summary>
/// Counts of (expected, actual) label pairs, and the agreement they show: accuracy (observed agreement p_o) and
/// Cohen's kappa, (p_o − p_e) / (1 − p_e) with p_e = Σ_k (row_k / N)(column_k / N) the agreement expected by chance
/// from the two raters' label frequencies (Cohen 1960). Kappa is null when p_e is 1 (both raters always use one label).
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;

    public ConfusionMatrix(int labels) => _counts = new long[labels, labels];

    public static ConfusionMatrix Of(long[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.GetLength(0) != counts.GetLength(1))
            throw new ArgumentException("a confusion matrix is square.", nameof(counts));
        var matrix = new ConfusionMatrix(counts.GetLength(0));
        Array.Copy(counts, matrix._counts, counts.Length);
        matrix.Total = counts.Cast<long>().Sum();
        return matrix;
    }

    public int Labels => _counts.GetLength(0);

    public long Total { get; private set; }

    public long this[int expected, int actual] => _counts[expected, actual];

    public void Add(int expected, int actual)
    {
        _counts[expected, actual]++;
        Total++;
    }

    public double Accuracy => Total == 0 ? 0 : (double)Enumerable.Range(0, Labels).Sum(k => _counts[k, k]) / Total;

    public double? Kappa
    {
        get
        {
            if (Total == 0)
                return null;
            var chance = Enumerable.Range(0, Labels).Sum(k => (double)Row(k) / Total * Column(k) / Total);
            return chance >= 1 ? null : (Accuracy - chance) / (1 - chance);
        }
    }

    public long[][] Rows => Enumerable.Range(0, Labels).Select(e => Enumerable.Range(0, Labels).Select(a => _counts[e, a]).ToArray()).ToArray();

    private long Row(int k) => Enumerable.Range(0, Labels).Sum(a => _counts[k, a]);

    private long Column(int k) => Enumerable.Range(0, Labels).Sum(e => _counts[e, k]);
}
