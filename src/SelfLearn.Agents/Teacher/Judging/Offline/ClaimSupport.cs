namespace SelfLearn.Agents.Teacher.Judging.Offline;

/// <summary>Whether the delivered context backs one claim, and by which items (0-based).</summary>
internal sealed record ClaimVerdict(bool Supported, IReadOnlyList<int> Items);

/// <summary>
/// Decides the support of one claim (docs/JUDGE.md). The checked words are the claim's words the question does not
/// already hold, plus the people it names who speak in the context. A claim is supported when one item holds at least
/// <see cref="OfflineJudgeRules.LexicalSupport"/> of them, or holds <see cref="OfflineJudgeRules.LexicalFloor"/> and is
/// at least <see cref="OfflineJudgeRules.EmbeddingSupport"/> similar, or two items that share a checked word (not a date)
/// hold <see cref="OfflineJudgeRules.LexicalSupport"/> together. Always: every key token among the checked words (number,
/// date, name) is held; the main item is on the topic (it shares a non-date word with the claim or the question, or it
/// is the item most similar to the question); a person the claim names is the main item's speaker or named in it.
/// </summary>
internal static class ClaimSupport
{
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
        { "day", "date", "time", "year", "month", "week", "happen", "long", "much", "many" };

    /// <param name="closestToQuestion">The item most similar to the question, or null when there is none.</param>
    /// <returns>Null when the claim only restates the question: nothing to check.</returns>
    public static ClaimVerdict? Decide(
        string claim, IReadOnlySet<string> question, IReadOnlyList<ContextItem> items, IReadOnlyList<double> similarity, int? closestToQuestion)
    {
        var words = JudgeText.Words(claim).ToHashSet(StringComparer.Ordinal);
        var speakers = items.Select(i => i.SpeakerWord).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var people = words.Where(speakers.Contains).ToHashSet(StringComparer.Ordinal);
        var check = words.Where(w => !question.Contains(w) || people.Contains(w)).ToHashSet(StringComparer.Ordinal);
        if (check.Count == 0)
            return null;
        var mustHold = JudgeText.Keys(claim).Select(k => k.Word).Where(check.Contains).ToList();
        var topic = words.Concat(question).Where(w => !JudgeText.IsDateWord(w) && !Generic.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var held = items.Select(i => check.Where(i.WordsFor(words).Contains).ToHashSet(StringComparer.Ordinal)).ToList();

        bool CanLead(int i) =>
            (topic.Overlaps(items[i].Words) || i == closestToQuestion)
            && people.All(p => items[i].SpeakerWord == p || items[i].BodyWords.Contains(p));
        double Share(IReadOnlySet<string> covered) => (double)covered.Count / check.Count;

        var order = Enumerable.Range(0, items.Count).OrderByDescending(i => held[i].Count).ThenBy(i => i).ToList();
        foreach (var i in order.Where(CanLead))
        {
            if (mustHold.All(held[i].Contains) && (Share(held[i]) >= OfflineJudgeRules.LexicalSupport
                || Share(held[i]) >= OfflineJudgeRules.LexicalFloor && similarity[i] >= OfflineJudgeRules.EmbeddingSupport))
                return new ClaimVerdict(true, [i]);
        }
        foreach (var i in order.Where(CanLead))
        {
            foreach (var j in order.Where(j => j != i && held[j].Count <= held[i].Count && Bridged(held[i], held[j])))
            {
                var both = held[i].Union(held[j]).ToHashSet(StringComparer.Ordinal);
                if (both.Count > held[i].Count && mustHold.All(both.Contains) && Share(both) >= OfflineJudgeRules.LexicalSupport)
                    return new ClaimVerdict(true, [Math.Min(i, j), Math.Max(i, j)]);
            }
        }
        return new ClaimVerdict(false, []);
    }

    /// <summary>Two items back a claim together only when the claim names what links them ("Tariq" in both).</summary>
    private static bool Bridged(HashSet<string> first, HashSet<string> second) =>
        first.Any(w => second.Contains(w) && !JudgeText.IsDateWord(w));
}
