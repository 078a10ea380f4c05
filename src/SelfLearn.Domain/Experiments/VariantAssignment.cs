using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SelfLearn.Domain.Experiments;

/// <summary>
/// Deterministic assignment: the same unit always lands in the same variant of the same experiment. The first 8 bytes
/// of SHA-256("experimentId\nunitId") as a big-endian unsigned integer pick the variant: modulo the variant count when
/// no variant has a weight (the assignment experiments had before weights existed), else its top 53 bits over 2^53 — a
/// position in [0, 1) — fall into the variant whose cumulative normalised weight first exceeds it.
/// </summary>
public static class VariantAssignment
{
    public static ExperimentVariant Assign(Experiment experiment, string unitId) =>
        experiment.Variants[Index(experiment.ExperimentId, unitId, [.. experiment.Variants.Select(v => v.Weight)])];

    public static int Index(string experimentId, string unitId, IReadOnlyList<double?> weights)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{experimentId}\n{unitId}"));
        var head = BinaryPrimitives.ReadUInt64BigEndian(hash);
        if (weights.All(w => w is null))
            return (int)(head % (ulong)weights.Count);

        var position = (head >> 11) / (double)(1UL << 53);
        var total = weights.Sum(w => w ?? 0);
        var cumulative = 0.0;
        for (var i = 0; i < weights.Count - 1; i++)
        {
            cumulative += (weights[i] ?? 0) / total;
            if (position < cumulative)
                return i;
        }
        return weights.Count - 1;
    }

    /// <summary>The planned share of each variant: its weight over the sum, or an equal share when none has a weight.</summary>
    public static IReadOnlyList<double> PlannedShares(IReadOnlyList<double?> weights)
    {
        if (weights.All(w => w is null))
            return [.. weights.Select(_ => 1.0 / weights.Count)];
        var total = weights.Sum(w => w ?? 0);
        return [.. weights.Select(w => (w ?? 0) / total)];
    }
}
