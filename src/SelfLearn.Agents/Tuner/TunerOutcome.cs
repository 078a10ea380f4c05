using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tuner;

public enum TunerStatus { Accepted, Rejected, NotFound, Conflict }

/// <summary>What the Tuner did with a command: appended events (and the stream's new version) or why not.</summary>
public sealed record TunerOutcome(
    TunerStatus Status,
    string? Message,
    IReadOnlyList<Violation> Violations,
    IReadOnlyList<object> Events,
    long StreamVersion)
{
    /// <summary>Why the Tuner said no, in one line: its violations, or its message.</summary>
    public string Describe() => Violations.Count > 0 ? string.Join(" ", Violations.Select(v => v.Message)) : Message ?? Status.ToString();

    public static TunerOutcome NotFound(string message) => new(TunerStatus.NotFound, message, [], [], 0);

    public static TunerOutcome Conflict(string message) => new(TunerStatus.Conflict, message, [], [], 0);

    public static TunerOutcome From(Decision decision, long currentVersion) => decision switch
    {
        { Conflict: { } conflict } => Conflict(conflict),
        { Violations.Count: > 0 } => new(TunerStatus.Rejected, "The Tuner rejected the change; nothing was appended.", decision.Violations, [], currentVersion),
        _ => new(TunerStatus.Accepted, null, [], decision.Events, currentVersion + decision.Events.Count),
    };
}
