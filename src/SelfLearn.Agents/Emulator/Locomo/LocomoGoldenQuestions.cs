using System.Globalization;
using SelfLearn.Agents.Locomo;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Locomo;

/// <summary>
/// A LoCoMo QA item as a golden question, or null with the reason it cannot be one. Question ids keep the item's place
/// in the file (qa[30] is "q031"), so a skipped item leaves a gap and every id leads back to its source.
/// </summary>
internal static class LocomoGoldenQuestions
{
    public static readonly IReadOnlyDictionary<int, string> KindOfCategory = new Dictionary<int, string>
    {
        [LocomoCategory.MultiHop] = QuestionKinds.MultiHop,
        [LocomoCategory.Temporal] = QuestionKinds.Temporal,
        [LocomoCategory.OpenDomain] = QuestionKinds.OpenDomain,
        [LocomoCategory.SingleHop] = QuestionKinds.SingleHop,
        [LocomoCategory.Adversarial] = QuestionKinds.Unanswerable,
    };

    public static GoldenQuestion? ToQuestion(
        string sampleId, LocomoQuestion item, int index, DateTimeOffset askedAt, IReadOnlySet<string> turnIds, List<string> skipped)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"{sampleId} qa[{index}] (category {item.Category})");
        if (!KindOfCategory.TryGetValue(item.Category, out var kind))
            return Skip(skipped, where, "is not a LoCoMo category (1-5)", item);
        if (string.IsNullOrWhiteSpace(item.Question) || item.Question.Length > ScenarioValidator.MaxQuestionLength)
            return Skip(skipped, where, "has no question text or too much", item);

        var id = string.Create(CultureInfo.InvariantCulture, $"q{index + 1:000}");
        if (kind == QuestionKinds.Unanswerable)
            return new GoldenQuestion(id, kind, askedAt, item.Question, [], new GoldenAnswer(Abstention(item), [], [], Abstain: true));

        var evidence = item.Evidence.Where(turnIds.Contains).ToList();
        var unknown = item.DroppedEvidence.Concat(item.Evidence.Where(e => !turnIds.Contains(e))).ToList();
        if (evidence.Count == 0)
            return Skip(skipped, where, unknown.Count == 0
                ? "has no evidence turn; an answerable golden question needs one"
                : $"has evidence naming no turn ('{string.Join("', '", unknown)}')", item);
        if (string.IsNullOrWhiteSpace(item.Answer))
            return Skip(skipped, where, "has no answer", item);
        return new GoldenQuestion(id, kind, askedAt, item.Question, [], new GoldenAnswer(item.Answer, [], evidence, Abstain: false));
    }

    /// <summary>Adversarial items ask about something never said; the tempting wrong answer stays visible for the judge.</summary>
    private static string Abstention(LocomoQuestion item) =>
        item.AdversarialAnswer is { Length: > 0 } trap
            ? $"Not mentioned in the conversation (adversarial answer: \"{trap}\")."
            : "Not mentioned in the conversation.";

    private static GoldenQuestion? Skip(List<string> skipped, string where, string reason, LocomoQuestion item)
    {
        skipped.Add($"{where} {reason}: \"{item.Question}\"");
        return null;
    }
}
