using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Student.Generation;

/// <summary>What the offline answerer said, and the support of the best delivered sentence (0 without any).</summary>
public sealed record OfflineAnswer(string Text, bool Abstained, double Support);

/// <summary>
/// The offline, deterministic answerer: among the sentences of the delivered memories it picks the one with the highest
/// <see cref="SupportScore"/> and abstains when that support is below <c>generation.support_threshold</c>. A temperature
/// above 0 draws among the five best sentences with weights exp((support − best) / temperature) from a seeded
/// generator, so runs repeat exactly for the same seed. <see cref="ExtractiveChatClient"/> serves it as a chat model;
/// in-process callers (the Teacher's offline evaluator) call <see cref="AnswerAsync"/> with the same arguments.
/// </summary>
public sealed class OfflineAnswerer(ITextEmbedder embedder)
{
    public const string Abstention = "I don't know.";
    public const string SupportThresholdKey = "generation.support_threshold";
    public const double DefaultSupportThreshold = 0.29;
    private const int DrawFrom = 5;

    public async Task<OfflineAnswer> AnswerAsync(
        IReadOnlyList<PromptMemory> context, string question, double supportThreshold, double temperature, long seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(question);
        var candidates = CandidateSentence.From(context);
        if (candidates.Count == 0)
            return new OfflineAnswer(Abstention, true, 0);

        var vectors = await embedder.EmbedAsync([.. candidates.Select(c => c.Text)], EmbeddingKind.Passage, ct);
        var questionVector = (await embedder.EmbedAsync([question], EmbeddingKind.Query, ct))[0];
        var ranked = SupportScore.Score(question, questionVector, candidates, vectors)
            .OrderByDescending(s => s.Support).ThenBy(s => s.Candidate.Answer, StringComparer.Ordinal).ToList();
        var best = ranked[0].Support;
        return best < supportThreshold
            ? new OfflineAnswer(Abstention, true, best)
            : new OfflineAnswer(Draw(ranked.Take(DrawFrom).ToList(), temperature, seed).Candidate.Answer, false, best);
    }

    private static SentenceSupport Draw(IReadOnlyList<SentenceSupport> best, double temperature, long seed)
    {
        if (temperature <= 0 || best.Count == 1)
            return best[0];
        var random = new Random(unchecked((int)seed));
        var weights = best.Select(c => Math.Exp((c.Support - best[0].Support) / temperature)).ToList();
        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < best.Count; i++)
        {
            if ((draw -= weights[i]) <= 0)
                return best[i];
        }

        return best[^1];
    }
}
