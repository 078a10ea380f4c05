using Marten;
using SelfLearn.Domain.Manager.Alerts;

namespace SelfLearn.Agents.Manager.Alerts;

/// <summary>
/// Starts an alert's stream on the caller's session, so the alert commits with the event that causes it or not at all.
/// The id names the occurrence: raising it again fails the commit as a stream collision instead of alerting twice.
/// </summary>
public static class RaiseAlert
{
    public static void Start(IDocumentSession session, AlertRaised alert)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(alert);
        session.Events.StartStream<Alert>(AlertStreams.StreamKey(alert.AlertId), alert);
    }
}
