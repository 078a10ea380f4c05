using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Teacher.Judging;

/// <summary>
/// Gives every distinct text its own axis, so two different texts have cosine 0 and only the word rules decide; texts
/// named in <see cref="Alike"/> share an axis (cosine 1), to test the embedding path on purpose.
/// </summary>
internal sealed class DistinctEmbedder : ITextEmbedder
{
    private readonly Dictionary<string, int> _axes = new(StringComparer.Ordinal);

    public List<(string A, string B)> Alike { get; } = [];

    public int Calls { get; private set; }

    public string Model => "distinct-test-axes";

    public int Dimensions => 512;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        Calls++;
        return texts.Select(text =>
        {
            var vector = new float[Dimensions];
            vector[Axis(Alike.FirstOrDefault(p => p.B == text) is { A: { } a } ? a : text)] = 1;
            return vector;
        }).ToArray();
    }

    private int Axis(string text)
    {
        if (!_axes.TryGetValue(text, out var axis))
            _axes[text] = axis = _axes.Count;
        return axis;
    }
}
