using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Marten.Patching;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Projections.Configuration;

/// <summary>
/// One stretch of time during which a version was the active one. "As of T" is the period with the latest
/// start at or before T — an indexed lookup, not a replay.
/// </summary>
public sealed record ConfigPeriod(
    string Id,
    string DeploymentId,
    int Activation,
    int ConfigVersion,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    DateTimeOffset ValidFrom,
    long ValidFromTicks,
    DateTimeOffset? ValidTo,
    string Kind,
    string Reason,
    string By,
    ChangeLinks Links,
    long Sequence,
    Guid EventId)
{
    public static string IdFor(string deploymentId, int activation) => $"{deploymentId}:{activation}";
}

public sealed partial class ConfigPeriodProjection : EventProjection
{
    public ConfigPeriodProjection()
    {
        Name = "ConfigPeriods";
        Options.DeleteViewTypeOnTeardown<ConfigPeriod>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        var at = e.Timestamp.ToMicroseconds();
        var period = e.Data switch
        {
            ConfigVersionActivated a => new ConfigPeriod(ConfigPeriod.IdFor(a.DeploymentId, a.Activation), a.DeploymentId,
                a.Activation, a.ConfigVersion, a.Parameters, at, at.UtcTicks, null, "activated", a.Reason, a.By, a.Links, e.Sequence, e.Id),
            ConfigRolledBack r => new ConfigPeriod(ConfigPeriod.IdFor(r.DeploymentId, r.Activation), r.DeploymentId,
                r.Activation, r.ToVersion, r.Parameters, at, at.UtcTicks, null, "rolled-back", r.Reason, r.By, r.Links, e.Sequence, e.Id),
            _ => null,
        };
        if (period is null)
            return ValueTask.CompletedTask;

        operations.Store(period);
        if (period.Activation > 1)
            operations.Patch<ConfigPeriod>(ConfigPeriod.IdFor(period.DeploymentId, period.Activation - 1)).Set(x => x.ValidTo, at);
        return ValueTask.CompletedTask;
    }
}
