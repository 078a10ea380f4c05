namespace SelfLearn.Domain.Scenarios;

/// <summary>
/// A golden dataset: simulated users, what they reveal over time, and the questions they ask later with the
/// answers that are right (docs/SCENARIOS.md). Serialized by <see cref="ScenarioJson"/>; checked by <see cref="ScenarioValidator"/>.
/// </summary>
public sealed record ScenarioSet(
    string Format,
    string Name,
    string? Description,
    int? Seed,
    string Generator,
    IReadOnlyList<Persona> Personas,
    IReadOnlyList<Scenario> Scenarios)
{
    public const string CurrentFormat = "selflearn.scenarios/1";

    public IEnumerable<(Scenario Scenario, GoldenQuestion Question)> Questions =>
        Scenarios.SelectMany(s => s.Questions.Select(q => (s, q)));
}

/// <summary>How a simulated user talks: style (free words, e.g. "terse"), verbosity and patience (low | medium | high).</summary>
public sealed record Persona(string Id, string Name, string Style, string Verbosity, string Patience, string? Description);

/// <summary>One simulated user of one project: a timeline of sessions, then questions about what was said.</summary>
public sealed record Scenario(
    string Id,
    string Project,
    string PersonaId,
    string Intent,
    IReadOnlyList<ScenarioFact> Facts,
    IReadOnlyList<ScenarioSession> Sessions,
    IReadOnlyList<GoldenQuestion> Questions);

/// <summary>
/// Something the user reveals. An <c>update</c> names the fact it <see cref="Supersedes"/>: from then on the older one
/// is wrong. <see cref="HappenedAt"/> dates an event that happened at another time than it was told.
/// </summary>
public sealed record ScenarioFact(string Id, string Kind, string Statement, string? Supersedes = null, DateTimeOffset? HappenedAt = null);

/// <summary>One conversation on one date; the emulator sends it as one thread.</summary>
public sealed record ScenarioSession(string Id, DateTimeOffset Date, IReadOnlyList<ScenarioTurn> Turns);

/// <summary>
/// One utterance. <see cref="Reveals"/> names the facts it tells; <see cref="Act"/> says what it does in the thread
/// (<see cref="TurnActs"/>), so chatter, clarifying questions and their answers can be told apart.
/// </summary>
public sealed record ScenarioTurn(string Id, string Speaker, string Text, IReadOnlyList<string> Reveals, string Act);

/// <summary>
/// A question the user asks after the sessions, at <see cref="AskedAt"/>, in its own thread; the follow-ups are asked
/// in the same thread, one after another, and share the golden answer.
/// </summary>
public sealed record GoldenQuestion(
    string Id,
    string Kind,
    DateTimeOffset AskedAt,
    string Text,
    IReadOnlyList<FollowUp> FollowUps,
    GoldenAnswer Golden);

public sealed record FollowUp(string Id, string Text);

/// <summary>
/// The right answer and its evidence: the facts that answer it and the turns that reveal them (their ids are the
/// memories' source ids). An unanswerable question has no evidence and its right answer is to abstain.
/// </summary>
public sealed record GoldenAnswer(string Answer, IReadOnlyList<string> EvidenceFacts, IReadOnlyList<string> EvidenceTurns, bool Abstain);
