using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SelfLearn.Domain.Experiments;

/// <summary>Deterministic assignment: the same unit always lands in the same variant of the same experiment.</summary>
public static class VariantAssignment
{
    public static ExperimentVariant Assign(Experiment experiment, string unitId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{experiment.ExperimentId}\n{unitId}"));
        var bucket = BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)experiment.Variants.Count;
        return experiment.Variants[(int)bucket];
    }
}
