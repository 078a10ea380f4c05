namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>Vectors by <see cref="EmbeddingCacheKey"/>; a key that is missing is simply absent from the result.</summary>
public interface IEmbeddingCache
{
    IReadOnlyDictionary<string, float[]> GetMany(IReadOnlyCollection<string> keys);

    /// <summary>Stores vectors made by <paramref name="model"/>; keys already present keep their vector.</summary>
    void PutMany(string model, IReadOnlyDictionary<string, float[]> vectors);
}
