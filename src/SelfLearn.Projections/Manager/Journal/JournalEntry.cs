namespace SelfLearn.Projections.Manager.Journal;

/// <summary>The kinds of learning events the journal keeps, one per role's stream (plus activations, rollbacks and pins).</summary>
public static class JournalKinds
{
    public const string Goal = "goal";
    public const string Cycle = "cycle";
    public const string Hypothesis = "hypothesis";
    public const string Experiment = "experiment";
    public const string Verdict = "verdict";
    public const string Recommendation = "recommendation";
    public const string Approval = "approval";
    public const string Activation = "activation";
    public const string Rollback = "rollback";
    public const string Pin = "pin";
    public const string Online = "online";
}

/// <summary>
/// One learning event in global order: its kind, event name, stream and the id of what it concerns, when, by whom (null for
/// a cycle's own steps) and a one-line summary; <see cref="GoalId"/> and <see cref="CycleId"/> when the event names them.
/// </summary>
public sealed record JournalEntry(
    string Id,
    long Sequence,
    string Kind,
    string Event,
    string Stream,
    string SubjectId,
    DateTimeOffset At,
    string? By,
    string Summary,
    string? GoalId,
    string? CycleId,
    Guid EventId);
