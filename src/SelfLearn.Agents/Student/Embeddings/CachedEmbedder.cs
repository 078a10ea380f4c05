namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>Embeds only the texts the cache does not know yet (each distinct text once) and stores their vectors.</summary>
public sealed class CachedEmbedder(ITextEmbedder inner, IEmbeddingCache cache) : ITextEmbedder
{
    public string Model => inner.Model;

    public int Dimensions => inner.Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var lookup = Look(texts, kind);
        var hits = lookup.Keys.Length - lookup.Missing.Sum(m => m.Count);
        if (hits > 0)
            progress?.Report(hits);
        if (lookup.Missing.Count == 0)
            return lookup.Vectors(new Dictionary<string, float[]>());

        var vectors = inner.Embed(lookup.Missing.Select(m => m.Text).ToArray(), kind, progress is null ? null : new ForwardedProgress(progress, hits), ct);
        var result = lookup.Vectors(Store(lookup, vectors));
        progress?.Report(texts.Count);
        return result;
    }

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, EmbeddingKind kind, CancellationToken ct = default)
    {
        var lookup = Look(texts, kind);
        if (lookup.Missing.Count == 0)
            return lookup.Vectors(new Dictionary<string, float[]>());

        var vectors = await inner.EmbedAsync(lookup.Missing.Select(m => m.Text).ToArray(), kind, ct);
        return lookup.Vectors(Store(lookup, vectors));
    }

    private Lookup Look(IReadOnlyList<string> texts, EmbeddingKind kind)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var keys = texts.Select(text => EmbeddingCacheKey.For(Model, kind, text)).ToArray();
        var known = cache.GetMany(keys.Distinct(StringComparer.Ordinal).ToArray());
        return new Lookup(keys, known, MissingTexts(texts, keys, known));
    }

    private Dictionary<string, float[]> Store(Lookup lookup, float[][] vectors)
    {
        var fresh = lookup.Missing.Zip(vectors).ToDictionary(pair => pair.First.Key, pair => pair.Second, StringComparer.Ordinal);
        cache.PutMany(Model, fresh);
        return fresh;
    }

    private static List<MissingText> MissingTexts(IReadOnlyList<string> texts, string[] keys, IReadOnlyDictionary<string, float[]> known)
    {
        var byKey = new Dictionary<string, MissingText>(StringComparer.Ordinal);
        var missing = new List<MissingText>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (known.ContainsKey(keys[i]))
                continue;
            if (byKey.TryGetValue(keys[i], out var seen))
            {
                seen.Count++;
                continue;
            }

            byKey[keys[i]] = new MissingText(keys[i], texts[i]);
            missing.Add(byKey[keys[i]]);
        }

        return missing;
    }

    private sealed class MissingText(string key, string text)
    {
        public string Key { get; } = key;

        public string Text { get; } = text;

        /// <summary>How many of the requested texts this one stands for (a text may be asked for more than once).</summary>
        public int Count { get; set; } = 1;
    }

    private sealed record Lookup(string[] Keys, IReadOnlyDictionary<string, float[]> Known, List<MissingText> Missing)
    {
        public float[][] Vectors(Dictionary<string, float[]> fresh) =>
            Keys.Select(key => Known.TryGetValue(key, out var vector) ? vector : fresh[key]).ToArray();
    }
}
