using System.Collections.Concurrent;
using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// The cosine of an answer and a golden answer, embedded as the offline judge embeds them (passages of the app's
/// embedder), kept per pair: trials give the same few answers again and again, so each pair is embedded once.
/// </summary>
public sealed class AnswerSimilarity(ITextEmbedder embedder)
{
    private readonly ConcurrentDictionary<(string Answer, string Golden), double> _known = new();

    public string Model => embedder.Model;

    public async ValueTask<double> OfAsync(string answer, string golden, CancellationToken ct)
    {
        if (_known.TryGetValue((answer, golden), out var known))
            return known;
        var vectors = await embedder.EmbedAsync([answer, golden], EmbeddingKind.Passage, ct);
        var cosine = vectors[0].Zip(vectors[1], (x, y) => (double)x * y).Sum();
        return _known.GetOrAdd((answer, golden), cosine);
    }
}
