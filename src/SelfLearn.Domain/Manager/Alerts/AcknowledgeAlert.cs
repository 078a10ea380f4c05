using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Alerts;

/// <summary>An open alert is acknowledged once; a second acknowledgement is a conflict, so the first one's note stands.</summary>
public static class AcknowledgeAlert
{
    public static Decision Decide(Alert alert, string? note, string by) =>
        alert.State == AlertStates.Open
            ? Decision.Accept(new AlertAcknowledged(alert.AlertId, by, note))
            : Decision.Refuse($"alert '{alert.AlertId}' was already acknowledged by {alert.AcknowledgedBy}.");
}
