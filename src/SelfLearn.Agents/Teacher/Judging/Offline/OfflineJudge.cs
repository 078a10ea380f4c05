using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Teacher.Judging.Offline;

/// <summary>
/// The deterministic judge that needs no language model (docs/JUDGE.md): the answer is split into claims
/// (<see cref="ClaimSplitter"/>); a claim holding an abstention phrase makes the answer an abstention and the others are
/// side remarks; each other claim is checked against the delivered context by word overlap and embedding similarity
/// (<see cref="ClaimSupport"/>) and against the golden answer (<see cref="GoldenCheck"/>). Any claim unsupported or
/// contradicting makes the answer <c>unsupported</c> (hallucinated); otherwise it is <c>abstained</c> or <c>supported</c>.
/// </summary>
public sealed class OfflineJudge(ITextEmbedder embedder) : IAnswerJudge
{
    public string Name => OfflineJudgeRules.Name;

    /// <summary>The rules' version and the embedding model, since both decide the scores.</summary>
    public string Version => $"{OfflineJudgeRules.Version}+{embedder.Model}";

    public Task<JudgeScore> JudgeAsync(JudgeInput input, CancellationToken ct) => Task.FromResult(Judge(input, ct));

    public JudgeScore Judge(JudgeInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pieces = ClaimSplitter.Split(input.Answer);
        var abstained = OfflineCorrectness.Abstained(input.Answer, input.Abstained);
        var claims = pieces.Where(p => !Abstentions.IsAbstention(p) && JudgeText.Words(p).Count > 0).ToList();
        var items = input.DeliveredContext.Select(ContextItem.Read).ToList();
        var question = JudgeText.Words(input.Question).ToHashSet(StringComparer.Ordinal);
        var golden = input.GoldenAnswer;
        var goldenNeedsVector = OfflineCorrectness.NeedsSimilarity(golden, input.Answerable);

        // Claims, then items, then answer and golden answer; items are embedded only when there is a claim to check.
        var context = claims.Count == 0 ? [] : input.DeliveredContext;
        var texts = claims.Concat(context).Concat(goldenNeedsVector ? [input.Answer, golden!] : []).ToList();
        var vectors = texts.Count == 0 ? [] : embedder.Embed(texts, EmbeddingKind.Passage, null, ct);
        double Cosine(int a, int b) => Dot(vectors[a], vectors[b]);
        var closestToQuestion = ClosestToQuestion(input, vectors.Skip(claims.Count).Take(context.Count).ToList(), ct);

        var correct = OfflineCorrectness.Decide(input.Answer, abstained, golden, input.Answerable,
            goldenNeedsVector ? Cosine(texts.Count - 2, texts.Count - 1) : 0);

        var checkedClaims = 0;
        var supported = 0;
        var used = new SortedSet<int>();
        for (var c = 0; c < claims.Count; c++)
        {
            var similarity = Enumerable.Range(0, items.Count).Select(i => Cosine(c, claims.Count + i)).ToList();
            if (ClaimSupport.Decide(claims[c], question, items, similarity, closestToQuestion) is not { } verdict)
                continue;
            checkedClaims++;
            var contradicts = !abstained && golden is not null && (!input.Answerable || correct == false
                && (GoldenCheck.Contradicts(claims[c], golden) || GoldenCheck.Superseded(verdict.Items, items, golden)));
            if (!verdict.Supported || contradicts)
                continue;
            supported++;
            used.UnionWith(verdict.Items);
        }

        var hallucinated = supported < checkedClaims;
        var label = hallucinated ? JudgeLabel.Unsupported : abstained ? JudgeLabel.Abstained : JudgeLabel.Supported;
        return new JudgeScore(Name, Version, label, correct, hallucinated, checkedClaims, supported, used.ToList());
    }

    private int? ClosestToQuestion(JudgeInput input, IReadOnlyList<float[]> items, CancellationToken ct)
    {
        if (items.Count == 0)
            return null;
        var question = embedder.Embed([input.Question], EmbeddingKind.Query, null, ct)[0];
        var ranked = Enumerable.Range(0, items.Count).Select(i => (Item: i, Similarity: Dot(question, items[i])))
            .OrderByDescending(r => r.Similarity).ToList();
        // A tie names no single closest item.
        return ranked.Count > 1 && ranked[0].Similarity <= ranked[1].Similarity ? null : ranked[0].Item;
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
