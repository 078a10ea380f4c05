namespace SelfLearn.Agents.Teacher.Judging.Offline;

/// <summary>
/// The offline judge's correctness rule (docs/JUDGE.md), on its own so that the search scores
/// <c>answer.correctness</c> with the judge's rule without checking claims: an unanswerable question is answered
/// correctly by an abstention; an answerable one by an answer that is no abstention and holds the golden answer
/// (<see cref="GoldenCheck"/>). A golden answer without content words ("Yes") is compared by embedding similarity.
/// </summary>
public static class OfflineCorrectness
{
    /// <summary>The answer declines: flagged so by the MaaS, or one of its claims holds an abstention phrase.</summary>
    public static bool Abstained(string answer, bool flagged) =>
        flagged || ClaimSplitter.Split(answer).Any(Abstentions.IsAbstention);

    /// <summary>Whether <see cref="Decide"/> reads the similarity of the answer to <paramref name="golden"/>.</summary>
    public static bool NeedsSimilarity(string? golden, bool answerable) => answerable && golden is not null && JudgeText.Words(golden).Count == 0;

    /// <param name="similarity">The cosine of the answer's and the golden answer's vectors; read only when <see cref="NeedsSimilarity"/>.</param>
    /// <returns>Null when there is no golden answer.</returns>
    public static bool? Decide(string answer, bool abstained, string? golden, bool answerable, double similarity) =>
        golden is null ? null
        : !answerable ? abstained
        : !abstained && GoldenCheck.IsCorrect(answer, golden, similarity);
}
