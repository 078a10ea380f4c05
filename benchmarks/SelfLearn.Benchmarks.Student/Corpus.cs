using SelfLearn.Agents.Seeding;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Student.Memories;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Student;

/// <summary>
/// One user's memories built from the LoCoMo dev split: its real turns embedded once, then cycled with a " #n" suffix
/// and Gaussian noise on the vector (σ 0.02 per dimension, re-normalised) up to the wanted count; plus the questions.
/// </summary>
internal sealed record Corpus(IReadOnlyList<MemoryDocument> Memories, IReadOnlyList<string> Questions, IReadOnlyList<float[]> QueryVectors, int Turns)
{
    public const string UserId = "bench-user";
    private const double Noise = 0.02;

    public static Corpus Build(int memories, int queries, CancellationToken ct)
    {
        var path = Path.Combine(SolutionFolder(), "data", "locomo", "locomo-dev.json");
        var conversations = LocomoDataset.Load(path);
        var turns = conversations
            .SelectMany(c => c.Sessions.SelectMany(s => s.Turns.Select((t, i) => (Key: $"{c.SampleId}/s{s.Number}", Ordinal: i, s.Date, Turn: t))))
            .ToList();
        var questions = conversations.SelectMany(c => c.Questions).Select(q => q.Question).ToList();
        var asked = Enumerable.Range(0, queries).Select(i => questions[i % questions.Count]).ToList();
        Progress.Log(Invariant($"LoCoMo dev: {conversations.Count} conversations, {turns.Count} turns, {questions.Count} questions"));

        using var embedder = new ArcticXsEmbedder();
        var passages = embedder.Embed(turns.ConvertAll(t => $"{t.Turn.Speaker}: {t.Turn.MemoryText}"), EmbeddingKind.Passage,
            Reporter("passages", turns.Count), ct);
        var distinct = questions.Take(queries).ToList();
        var queryVectors = embedder.Embed(distinct, EmbeddingKind.Query, Reporter("questions", distinct.Count), ct);

        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        var documents = Enumerable.Range(0, memories).Select(n =>
        {
            var (key, ordinal, date, turn) = turns[n % turns.Count];
            var cycle = n / turns.Count;
            return new MemoryDocument(Guid.CreateVersion7(), SeedDefaults.DefaultDeployment, UserId, null, $"{key}#{cycle}", ordinal,
                turn.Speaker, Invariant($"{turn.MemoryText} #{n}"), date.AddMinutes(ordinal), turn.DiaId,
                Jitter(passages[n % turns.Count], random), now);
        }).ToList();
        return new Corpus(documents, asked, asked.Select((_, i) => queryVectors[i % queryVectors.Length]).ToList(), turns.Count);
    }

    private static float[] Jitter(float[] vector, Random random)
    {
        var noisy = new float[vector.Length];
        var norm = 0.0;
        for (var i = 0; i < vector.Length; i++)
        {
            // Box-Muller: a standard normal draw from two uniform ones.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            noisy[i] = (float)(vector[i] + Noise * gaussian);
            norm += noisy[i] * (double)noisy[i];
        }
        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < noisy.Length; i++)
            noisy[i] *= scale;
        return noisy;
    }

    private static EmbedProgress Reporter(string what, int total) => new(what, total);

    /// <summary>Logs about every tenth of the texts, on the embedding thread.</summary>
    private sealed class EmbedProgress(string what, int total) : IProgress<int>
    {
        private int _next;

        public void Report(int value)
        {
            if (value < _next && value < total)
                return;
            _next = value + Math.Max(1, total / 10);
            Progress.Log(Invariant($"embedded {value}/{total} {what}"));
        }
    }

    public static string SolutionFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SelfLearn.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds SelfLearn.sln.");
    }
}
