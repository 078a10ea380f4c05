using System.Security.Cryptography;
using System.Text;

namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>A fixed-size key for a vector: the SHA-256 of the model, the kind and the text, as lower-case hex.</summary>
public static class EmbeddingCacheKey
{
    public static string For(string model, EmbeddingKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(text);
        var material = Encoding.UTF8.GetBytes($"{model}\n{kind}\n{text}");
        return Convert.ToHexStringLower(SHA256.HashData(material));
    }
}
