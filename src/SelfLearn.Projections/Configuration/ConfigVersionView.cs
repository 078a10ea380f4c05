using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Projections.Configuration;

/// <summary>One configuration version as created: full parameters, lineage and the reasons behind it.</summary>
public sealed record ConfigVersionView(
    string Id,
    string DeploymentId,
    int ConfigVersion,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    int? ParentVersion,
    IReadOnlyList<ParameterChange> Changes,
    string Reason,
    string Initiator,
    string By,
    ChangeLinks Links,
    DateTimeOffset CreatedAt,
    long Sequence,
    Guid EventId)
{
    public static string IdFor(string deploymentId, int version) => $"{deploymentId}:{version}";
}

public sealed partial class ConfigVersionProjection : EventProjection
{
    public ConfigVersionProjection()
    {
        Name = "ConfigVersions";
        Options.DeleteViewTypeOnTeardown<ConfigVersionView>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is ConfigVersionCreated c)
            operations.Insert(new ConfigVersionView(
                ConfigVersionView.IdFor(c.DeploymentId, c.ConfigVersion), c.DeploymentId, c.ConfigVersion, c.Parameters,
                c.ParentVersion, c.Changes, c.Reason, c.Initiator, c.By, c.Links, e.Timestamp.ToMicroseconds(), e.Sequence, e.Id));
        return ValueTask.CompletedTask;
    }
}
