namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>Embeds only the texts the cache does not know yet (each distinct text once) and stores their vectors.</summary>
public sealed class CachedEmbedder(ITextEmbedder inner, IEmbeddingCache cache) : ITextEmbedder
{
    public string Model => inner.Model;

    public int Dimensions => inner.Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var keys = texts.Select(text => EmbeddingCacheKey.For(Model, kind, text)).ToArray();
        var known = cache.GetMany(keys.Distinct(StringComparer.Ordinal).ToArray());
        var hits = keys.Count(known.ContainsKey);
        if (hits > 0)
            progress?.Report(hits);

        var missing = MissingTexts(texts, keys, known);
        var fresh = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            var vectors = inner.Embed(missing.Select(m => m.Text).ToArray(), kind, progress is null ? null : new ForwardedProgress(progress, hits), ct);
            fresh = missing.Zip(vectors).ToDictionary(pair => pair.First.Key, pair => pair.Second, StringComparer.Ordinal);
            cache.PutMany(Model, fresh);
            progress?.Report(texts.Count);
        }

        return keys.Select(key => known.TryGetValue(key, out var vector) ? vector : fresh[key]).ToArray();
    }

    private static List<(string Key, string Text)> MissingTexts(IReadOnlyList<string> texts, string[] keys, IReadOnlyDictionary<string, float[]> known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<(string Key, string Text)>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!known.ContainsKey(keys[i]) && seen.Add(keys[i]))
                missing.Add((keys[i], texts[i]));
        }

        return missing;
    }
}
