using System.Text.Json;

namespace SelfLearn.Domain.ImpactFactors;

public sealed record FactorRegistered(
    string Key,
    FactorType Type,
    FactorBounds Bounds,
    JsonElement Default,
    string? Unit,
    string Description,
    FactorZone Zone,
    string By);

public sealed record FactorBoundsChanged(string Key, FactorBounds Bounds, JsonElement Default, string Reason, string By);

public sealed record FactorZoneChanged(string Key, FactorZone From, FactorZone To, string Reason, string By);

/// <summary>One impact factor of the catalog; its stream id is the factor key.</summary>
public sealed record ImpactFactor(
    string Id,
    FactorType Type,
    FactorBounds Bounds,
    JsonElement Default,
    string? Unit,
    string Description,
    FactorZone Zone,
    long Version,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt)
{
    public string Key => Id;

    public static ImpactFactor Create(FactorRegistered e, DateTimeOffset at) =>
        new(e.Key, e.Type, e.Bounds, e.Default, e.Unit, e.Description, e.Zone, 1, at, at);

    public ImpactFactor Apply(FactorBoundsChanged e, DateTimeOffset at) =>
        this with { Bounds = e.Bounds, Default = e.Default, Version = Version + 1, UpdatedAt = at };

    public ImpactFactor Apply(FactorZoneChanged e, DateTimeOffset at) =>
        this with { Zone = e.To, Version = Version + 1, UpdatedAt = at };
}
