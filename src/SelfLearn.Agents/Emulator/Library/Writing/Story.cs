using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library.Writing;

/// <summary>What a scenario will tell, in which session, and the questions that can be asked about it.</summary>
internal sealed record Story(IReadOnlyList<Telling> Tellings, IReadOnlyList<QuestionDraft> Drafts);

/// <summary>One fact to tell; <see cref="Clarify"/> makes the user mention it vaguely first and the assistant ask back.</summary>
internal sealed record Telling(ScenarioFact Fact, string Sentence, int Session, ClarifyExchange? Clarify = null);

internal sealed record ClarifyExchange(string Vague, string Request);

/// <summary>
/// A golden question before its evidence turns are known. <see cref="Rephrased"/> asks the same thing in other words,
/// for follow-ups; null when the template has only one wording.
/// </summary>
internal sealed record QuestionDraft(string Kind, string Text, string Answer, IReadOnlyList<string> EvidenceFacts, string? Rephrased = null);
