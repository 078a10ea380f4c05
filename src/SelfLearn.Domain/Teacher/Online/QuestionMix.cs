namespace SelfLearn.Domain.Teacher.Online;

/// <summary>One window's live questions by kind, and how far that mix is from the golden one (Jensen–Shannon, bits).</summary>
public sealed record QuestionMixWindow(DateTimeOffset WindowStart, long Questions, IReadOnlyDictionary<string, long> Live, double Divergence);

/// <summary>
/// The golden dataset's mix of question kinds (every question and follow-up, through <see cref="QuestionKindRules"/>)
/// next to live traffic's, per window and over the whole range (<see cref="Overall"/>, null without live questions).
/// </summary>
public sealed record QuestionMix(
    string Dataset,
    int Version,
    long GoldenQuestions,
    IReadOnlyDictionary<string, double> Golden,
    IReadOnlyList<QuestionMixWindow> Windows,
    QuestionMixWindow? Overall);

public static class QuestionMixes
{
    public static QuestionMix Of(string dataset, int version, IReadOnlyList<string> goldenQuestions, IEnumerable<(DateTimeOffset WindowStart, string Question)> live)
    {
        ArgumentNullException.ThrowIfNull(goldenQuestions);
        ArgumentNullException.ThrowIfNull(live);
        if (goldenQuestions.Count == 0)
            throw new ArgumentException($"dataset '{dataset}' version {version} holds no question to compare live traffic with.");
        var golden = Counts(goldenQuestions).ToDictionary(p => p.Key, p => (double)p.Value / goldenQuestions.Count, StringComparer.Ordinal);
        var classified = live.Select(q => (q.WindowStart, Kind: QuestionKindRules.Classify(q.Question))).ToList();
        var windows = classified.GroupBy(q => q.WindowStart).OrderBy(g => g.Key)
            .Select(g => Window(g.Key, [.. g.Select(q => q.Kind)], golden)).ToList();
        var overall = classified.Count == 0 ? null : Window(windows[0].WindowStart, [.. classified.Select(q => q.Kind)], golden);
        return new QuestionMix(dataset, version, goldenQuestions.Count, golden, windows, overall);
    }

    private static QuestionMixWindow Window(DateTimeOffset start, IReadOnlyList<string> kinds, IReadOnlyDictionary<string, double> golden)
    {
        var counts = QuestionKindRules.Kinds.ToDictionary(k => k, k => (long)kinds.Count(x => x == k), StringComparer.Ordinal);
        return new QuestionMixWindow(start, kinds.Count, counts,
            JensenShannon.Divergence(counts.ToDictionary(p => p.Key, p => (double)p.Value, StringComparer.Ordinal), golden));
    }

    private static Dictionary<string, long> Counts(IEnumerable<string> questions)
    {
        var kinds = questions.Select(QuestionKindRules.Classify).ToList();
        return QuestionKindRules.Kinds.ToDictionary(k => k, k => (long)kinds.Count(x => x == k), StringComparer.Ordinal);
    }
}
