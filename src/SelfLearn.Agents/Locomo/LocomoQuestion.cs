namespace SelfLearn.Agents.Locomo;

/// <summary>
/// A QA item. <see cref="Answer"/> is the gold answer, or for adversarial items (category 5) without one the
/// <see cref="AdversarialAnswer"/>. <see cref="Evidence"/> holds the dia_ids that name a turn of the conversation;
/// <see cref="DroppedEvidence"/> the fragments of malformed evidence strings that name none.
/// </summary>
public sealed record LocomoQuestion(
    string Question,
    string Answer,
    string? AdversarialAnswer,
    int Category,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<string> DroppedEvidence)
{
    public bool HasEvidence => Evidence.Count > 0;
}
