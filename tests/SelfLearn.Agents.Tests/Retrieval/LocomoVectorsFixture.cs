using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Agents.Tests.Locomo;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>
/// Real vectors for the ANN tests: the first LoCoMo dev conversation's turns and questions, embedded once with arctic-xs.
/// <see cref="Memories"/> cycles the turns with seeded Gaussian noise (σ 0.02 per dimension) up to any count, as the
/// retrieval benchmark does, so a large index stays made of real neighbourhoods.
/// </summary>
public sealed class LocomoVectorsFixture
{
    private const double Noise = 0.02;

    public LocomoVectorsFixture()
    {
        var conversation = LocomoDataset.Load(LocomoDevFile.Path)[0];
        var turns = conversation.Turns.ToList();
        using var embedder = new ArcticXsEmbedder();
        Turns = turns.ConvertAll(t => $"{t.Speaker}: {t.MemoryText}");
        TurnVectors = embedder.Embed(Turns, EmbeddingKind.Passage);
        Questions = [.. conversation.Questions.Select(q => q.Question).Distinct()];
        QuestionVectors = embedder.Embed(Questions, EmbeddingKind.Query);
    }

    public IReadOnlyList<string> Turns { get; }

    public float[][] TurnVectors { get; }

    public IReadOnlyList<string> Questions { get; }

    public float[][] QuestionVectors { get; }

    /// <summary>The same <paramref name="count"/> memories (ids, texts, times, vectors) for the same seed.</summary>
    public List<MemoryEntry> Memories(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var entries = new List<MemoryEntry>(count);
        for (var n = 0; n < count; n++)
        {
            var turn = n % Turns.Count;
            var id = new byte[16];
            random.NextBytes(id);
            entries.Add(new MemoryEntry(new Guid(id), $"{Turns[turn]} #{n}", null, start.AddMinutes(n), null, null, 0,
                Jitter(TurnVectors[turn], random)));
        }

        return entries;
    }

    /// <summary>
    /// <see cref="Memories"/> in sessions of 20 turns a day apart, each with its turn's speaker: so that neighbours,
    /// recency and the speaker signal all have something to work on.
    /// </summary>
    public List<MemoryEntry> Sessions(int count, int seed) =>
        Memories(count, seed).Select((m, n) => m with
        {
            Speaker = Turns[n % Turns.Count].Split(':')[0],
            SessionKey = $"s{n / 20}",
            Ordinal = n % 20,
            Timestamp = Retrieval.Memories.Today.AddDays(n / 20).AddMinutes(n % 20),
        }).ToList();

    private static float[] Jitter(float[] vector, Random random)
    {
        var noisy = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            noisy[i] = (float)(vector[i] + (Noise * gaussian));
        }

        return noisy;
    }
}
