using System.Collections.Concurrent;
using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Embeddings;

/// <summary>
/// A model double that records each batch it is given and holds it until the test opens the gate, so a test can line
/// callers up behind a running batch. Texts in <see cref="FailingOnce"/> fail the first batch they are in.
/// </summary>
internal sealed class GatedEmbedder : ITextEmbedder
{
    private readonly SemaphoreSlim _entered = new(0);
    private readonly SemaphoreSlim _gate = new(0);

    public ConcurrentQueue<string[]> Batches { get; } = new();

    public ConcurrentDictionary<string, bool> FailingOnce { get; } = new();

    public string Model => "gated-test-model";

    public int Dimensions => 8;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        Batches.Enqueue(texts.ToArray());
        _entered.Release();
        _gate.Wait(TimeSpan.FromSeconds(30));
        if (texts.FirstOrDefault(t => FailingOnce.TryRemove(t, out _)) is { } failing)
            throw new InvalidOperationException($"the model failed on '{failing}'");
        return texts.Select(text => CountingEmbedder.VectorFor(kind + text)).ToArray();
    }

    /// <summary>Returns once a batch is inside the model (and held there).</summary>
    public Task EnteredAsync() => _entered.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Lets <paramref name="batches"/> held or future batches through.</summary>
    public void Open(int batches = 1) => _gate.Release(batches);

    public IEnumerable<string> AllTexts => Batches.SelectMany(b => b);
}
