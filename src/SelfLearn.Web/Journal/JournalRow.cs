namespace SelfLearn.Web.Journal;

/// <summary>A row of <c>GET /api/journal</c>: one learning event.</summary>
public sealed record JournalRow(
    long Sequence,
    string Kind,
    string Event,
    string Stream,
    string SubjectId,
    DateTimeOffset At,
    string? By,
    string Summary,
    string? GoalId,
    string? CycleId)
{
    /// <summary>The anchor a link to this row ends with.</summary>
    public string Anchor => $"seq-{Sequence}";

    /// <summary>The page showing what the row concerns, when the UI has one for its kind.</summary>
    public string? SubjectPage => Kind switch
    {
        "goal" => $"/goals/{Uri.EscapeDataString(SubjectId)}",
        "cycle" => $"/cycles/{Uri.EscapeDataString(SubjectId)}",
        "experiment" => $"/experiments/{Uri.EscapeDataString(SubjectId)}",
        "activation" or "rollback" or "pin" => $"/deployments/{Uri.EscapeDataString(SubjectId)}",
        _ => null,
    };
}
