namespace SelfLearn.Agents.Teacher.Judging.Offline;

/// <summary>
/// The answer against the golden answer (docs/JUDGE.md). Correct: it holds at least
/// <see cref="OfflineJudgeRules.CorrectRecall"/> of the golden answer's words (or, when the golden answer has none, such
/// as "Yes", is at least <see cref="OfflineJudgeRules.CorrectSimilarity"/> similar to it). A claim contradicts the golden
/// answer when the answer is not correct and the claim gives a value of a kind the golden answer also gives (a number,
/// a date, a name) but none of the golden answer's values of that kind ("six guests" against "twelve").
/// </summary>
internal static class GoldenCheck
{
    public static bool IsCorrect(string answer, string golden, double similarity)
    {
        var expected = JudgeText.Words(golden).ToHashSet(StringComparer.Ordinal);
        if (expected.Count == 0)
            return similarity >= OfflineJudgeRules.CorrectSimilarity;
        var given = JudgeText.Words(answer).ToHashSet(StringComparer.Ordinal);
        return (double)expected.Count(given.Contains) / expected.Count >= OfflineJudgeRules.CorrectRecall;
    }

    public static bool Contradicts(string claim, string golden)
    {
        var expected = JudgeText.Keys(golden).ToLookup(k => k.Kind, k => k.Word);
        return JudgeText.Keys(claim).GroupBy(k => k.Kind).Any(given =>
            expected.Contains(given.Key) && !given.Select(k => k.Word).Intersect(expected[given.Key], StringComparer.Ordinal).Any());
    }
}
