using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Retrieval;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Student.Ann;

/// <summary>
/// One user's memories at any size, from the LoCoMo dev split embedded once with arctic-xs: memory n is turn n mod 2,760
/// with the text "Speaker: text #n", in its session's copy n / 2,760. The first 2,760 are the real turns with their real
/// vectors; every later one is a distractor, a copy of its turn's vector with seeded Gaussian noise (σ 0.02 per
/// dimension, re-normalised: cosine about 0.93 to its turn), so the index grows by near neighbours of real memories, the
/// hard case for an HNSW graph. The queries are the 998 distinct dev questions.
/// </summary>
internal sealed class AnnCorpus
{
    private const double Noise = 0.02;
    private const int Seed = 42;

    private AnnCorpus(List<(string Text, string Speaker, DateTimeOffset At, string Session, int Ordinal, float[] Vector)> turns, List<string> questions, float[][] queryVectors)
    {
        Turns = turns;
        Questions = questions;
        QueryVectors = queryVectors;
    }

    public IReadOnlyList<(string Text, string Speaker, DateTimeOffset At, string Session, int Ordinal, float[] Vector)> Turns { get; }

    public IReadOnlyList<string> Questions { get; }

    public IReadOnlyList<float[]> QueryVectors { get; }

    public static AnnCorpus Build(string solutionFolder, CancellationToken ct)
    {
        var conversations = LocomoDataset.Load(Path.Combine(solutionFolder, "data", "locomo", "locomo-dev.json"));
        var turns = conversations.SelectMany(c => c.Sessions.SelectMany(s => s.Turns.Select((t, i) => (t.Speaker, t.MemoryText, At: s.Date.AddMinutes(i), Session: $"{c.SampleId}/s{s.Number}", Ordinal: i)))).ToList();
        var questions = conversations.SelectMany(c => c.Questions).Select(q => q.Question).Distinct().ToList();
        Progress.Log(Invariant($"LoCoMo dev: {turns.Count} turns, {questions.Count} distinct questions; embedding them"));
        using var embedder = new ArcticXsEmbedder();
        var texts = turns.ConvertAll(t => $"{t.Speaker}: {t.MemoryText}");
        var vectors = embedder.Embed(texts, EmbeddingKind.Passage, ct: ct);
        var queryVectors = embedder.Embed(questions, EmbeddingKind.Query, ct: ct);
        Progress.Log("embedded");
        return new AnnCorpus([.. turns.Select((t, i) => (texts[i], t.Speaker, t.At, t.Session, t.Ordinal, vectors[i]))], questions, queryVectors);
    }

    /// <summary>The first <paramref name="count"/> memories; the same ones on every call.</summary>
    public IEnumerable<MemoryEntry> Memories(int count)
    {
        var random = new Random(Seed);
        for (var n = 0; n < count; n++)
        {
            var (text, speaker, at, session, ordinal, vector) = Turns[n % Turns.Count];
            var cycle = n / Turns.Count;
            var id = new byte[16];
            random.NextBytes(id);
            yield return new MemoryEntry(new Guid(id), Invariant($"{text} #{n}"), speaker, at.AddSeconds(cycle), null,
                Invariant($"{session}#{cycle}"), ordinal,
                n < Turns.Count ? vector : Jitter(vector, random));
        }
    }

    private static float[] Jitter(float[] vector, Random random)
    {
        var noisy = new float[vector.Length];
        var norm = 0.0;
        for (var i = 0; i < vector.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            noisy[i] = (float)(vector[i] + (Noise * gaussian));
            norm += noisy[i] * (double)noisy[i];
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < noisy.Length; i++)
            noisy[i] *= scale;
        return noisy;
    }
}
