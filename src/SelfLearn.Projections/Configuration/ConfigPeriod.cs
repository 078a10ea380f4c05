using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Projections.Configuration;

/// <summary>
/// One stretch of time during which a version was the active one; it ends where the next period starts. "As of T"
/// is the period with the latest start at or before T — an indexed lookup, not a replay. Periods are insert-only
/// (nothing is patched when the next one starts), so rebuilds can bulk-copy them.
/// </summary>
public sealed record ConfigPeriod(
    string Id,
    string DeploymentId,
    int Activation,
    int ConfigVersion,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    DateTimeOffset ValidFrom,
    long ValidFromTicks,
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
                a.Activation, a.ConfigVersion, a.Parameters, at, at.UtcTicks, "activated", a.Reason, a.By, a.Links, e.Sequence, e.Id),
            ConfigRolledBack r => new ConfigPeriod(ConfigPeriod.IdFor(r.DeploymentId, r.Activation), r.DeploymentId,
                r.Activation, r.ToVersion, r.Parameters, at, at.UtcTicks, "rolled-back", r.Reason, r.By, r.Links, e.Sequence, e.Id),
            _ => null,
        };
        if (period is null)
            return ValueTask.CompletedTask;

        operations.Insert(period);
        return ValueTask.CompletedTask;
    }
}
