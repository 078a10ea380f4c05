using System.Buffers;

namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>Brings one raw score per memory into [0, 1] as <see cref="FusionMethod"/> describes; a signal without spread becomes 0.</summary>
internal static class ScoreNormalizer
{
    public static void Normalize(Span<double> scores, FusionMethod method, int rrfK)
    {
        switch (method)
        {
            case FusionMethod.ZScore:
                ZScore(scores);
                break;
            case FusionMethod.MinMax:
                MinMax(scores);
                break;
            case FusionMethod.Rrf:
                ReciprocalRank(scores, rrfK);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown fusion method.");
        }
    }

    // Spread is judged on the values themselves: the mean of equal scores can differ from them in the last bit.
    private static void ZScore(Span<double> scores)
    {
        var (min, max) = Range(scores);
        if (max <= min)
        {
            scores.Clear();
            return;
        }

        double sum = 0;
        foreach (var score in scores)
            sum += score;
        var mean = sum / scores.Length;
        double squares = 0;
        foreach (var score in scores)
            squares += (score - mean) * (score - mean);
        var deviation = Math.Sqrt(squares / scores.Length);
        foreach (ref var score in scores)
            score = NormalDistribution.Cdf((score - mean) / deviation);
    }

    private static void MinMax(Span<double> scores)
    {
        var (min, max) = Range(scores);
        if (max <= min)
        {
            scores.Clear();
            return;
        }

        foreach (ref var score in scores)
            score = (score - min) / (max - min);
    }

    private static (double Min, double Max) Range(ReadOnlySpan<double> scores)
    {
        double min = double.MaxValue, max = double.MinValue;
        foreach (var score in scores)
        {
            min = Math.Min(min, score);
            max = Math.Max(max, score);
        }

        return (min, max);
    }

    // Competition ranking over the memories with a signal: equal scores share the better rank.
    private static void ReciprocalRank(Span<double> scores, int rrfK)
    {
        var keys = ArrayPool<double>.Shared.Rent(scores.Length);
        var positions = ArrayPool<int>.Shared.Rent(scores.Length);
        try
        {
            var ranked = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                if (scores[i] == 0)
                    continue;
                keys[ranked] = -scores[i];
                positions[ranked++] = i;
            }

            Array.Sort(keys, positions, 0, ranked);
            var rank = 0;
            for (var i = 0; i < ranked; i++)
            {
                if (i == 0 || keys[i] != keys[i - 1])
                    rank = i + 1;
                scores[positions[i]] = (rrfK + 1.0) / (rrfK + rank);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(positions);
        }
    }
}
