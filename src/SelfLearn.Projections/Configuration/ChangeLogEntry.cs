using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Projections.Configuration;

/// <summary>One factor whose active value changed: from, to, when, who, why and the ids behind it.</summary>
public sealed record ChangeLogEntry(
    string Id,
    string DeploymentId,
    string Factor,
    JsonElement? From,
    JsonElement? To,
    int? FromVersion,
    int ConfigVersion,
    string Kind,
    DateTimeOffset At,
    long AtTicks,
    string By,
    string Reason,
    ChangeLinks Links,
    long Sequence,
    Guid EventId);

public sealed partial class ChangeLogProjection : EventProjection
{
    public ChangeLogProjection()
    {
        Name = "ChangeLog";
        Options.DeleteViewTypeOnTeardown<ChangeLogEntry>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        var at = e.Timestamp.ToMicroseconds();
        var (deployment, activation, from, to, kind, changes, by, reason, links) = e.Data switch
        {
            ConfigVersionActivated a => (a.DeploymentId, a.Activation, a.PreviousVersion, a.ConfigVersion, "activated", a.Changes, a.By, a.Reason, a.Links),
            ConfigRolledBack r => (r.DeploymentId, r.Activation, (int?)r.FromVersion, r.ToVersion, "rolled-back", r.Changes, r.By, r.Reason, r.Links),
            _ => default,
        };
        if (deployment is null)
            return ValueTask.CompletedTask;

        foreach (var change in changes)
            operations.Insert(new ChangeLogEntry($"{deployment}:{activation}:{change.Key}", deployment, change.Key, change.From,
                change.To, from, to, kind, at, at.UtcTicks, by, reason, links, e.Sequence, e.Id));
        return ValueTask.CompletedTask;
    }
}
