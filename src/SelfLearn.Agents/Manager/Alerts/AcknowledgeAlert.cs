using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Manager.Alerts;
using Decider = SelfLearn.Domain.Manager.Alerts.AcknowledgeAlert;

namespace SelfLearn.Agents.Manager.Alerts;

/// <summary>The meta-user has seen an alert; <see cref="Note"/> says what they did about it.</summary>
public sealed record AcknowledgeAlert(string AlertId, string? Note, string By);

public static class AcknowledgeAlertHandler
{
    public static Task<TunerOutcome> Handle(AcknowledgeAlert command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<Alert>(session, AlertStreams.StreamKey(command.AlertId), null,
            stream => Task.FromResult(Decider.Decide(stream.Aggregate!, command.Note, command.By)),
            $"no alert '{command.AlertId}'.", ct);
}
