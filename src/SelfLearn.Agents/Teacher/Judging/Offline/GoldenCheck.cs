namespace SelfLearn.Agents.Teacher.Judging.Offline;

/// <summary>
/// The answer against the golden answer (docs/JUDGE.md). Correct: it holds at least
/// <see cref="OfflineJudgeRules.CorrectRecall"/> of the golden answer's words and, when the golden answer gives values
/// (numbers, dates, names), at least one of them (or, when the golden answer has no content word, such as "Yes", it is
/// at least <see cref="OfflineJudgeRules.CorrectSimilarity"/> similar to it). When the answer is not correct, a claim
/// contradicts the golden answer if it gives a value of a kind the golden answer also gives but none of the golden
/// answer's values of that kind ("six guests" against "twelve"), or if it rests only on items older than an item that
/// holds the golden answer (a superseded fact).
/// </summary>
internal static class GoldenCheck
{
    public static bool IsCorrect(string answer, string golden, double similarity)
    {
        var expected = JudgeText.Words(golden).ToHashSet(StringComparer.Ordinal);
        if (expected.Count == 0)
            return similarity >= OfflineJudgeRules.CorrectSimilarity;
        return Holds(JudgeText.Words(answer).ToHashSet(StringComparer.Ordinal), expected, golden);
    }

    public static bool Contradicts(string claim, string golden)
    {
        var expected = JudgeText.Keys(golden).ToLookup(k => k.Kind, k => k.Word);
        return JudgeText.Keys(claim).GroupBy(k => k.Kind).Any(given =>
            expected.Contains(given.Key) && !given.Select(k => k.Word).Intersect(expected[given.Key], StringComparer.Ordinal).Any());
    }

    public static bool Superseded(IReadOnlyList<int> support, IReadOnlyList<ContextItem> items, string golden)
    {
        var expected = JudgeText.Words(golden).ToHashSet(StringComparer.Ordinal);
        if (support.Count == 0 || expected.Count == 0 || support.Any(i => items[i].Said is null))
            return false;
        var newest = items.Where(i => i.Said is not null && Holds(i.WordsFor(expected), expected, golden)).Max(i => i.Said);
        return newest is { } day && support.All(i => items[i].Said < day);
    }

    private static bool Holds(IReadOnlySet<string> given, HashSet<string> expected, string golden)
    {
        var values = JudgeText.Keys(golden).Select(k => k.Word).ToList();
        return (double)expected.Count(given.Contains) / expected.Count >= OfflineJudgeRules.CorrectRecall
            && (values.Count == 0 || values.Any(given.Contains));
    }
}
