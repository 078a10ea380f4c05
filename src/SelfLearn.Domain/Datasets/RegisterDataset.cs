using System.Security.Cryptography;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Domain.Datasets;

/// <summary>Registering content the latest version already holds changes nothing; other content becomes the next version.</summary>
public static class RegisterDataset
{
    public static string Sha256Of(byte[] canonicalJson) => Convert.ToHexStringLower(SHA256.HashData(canonicalJson));

    /// <summary>The event to append, or null when the latest version has this very content.</summary>
    public static DatasetVersionRegistered? Decide(GoldenDataset? existing, ScenarioSet set, string sha256, string source, string by)
    {
        if (existing?.Latest.Registered.Sha256 == sha256)
            return null;
        var kinds = set.Questions.GroupBy(q => q.Question.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new DatasetVersionRegistered(set.Name, (existing?.Versions.Count ?? 0) + 1, sha256, set.Generator, set.Seed,
            set.Scenarios.Count, set.Questions.Count(), kinds, source, by);
    }
}
