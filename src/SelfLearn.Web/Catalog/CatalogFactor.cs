using System.Text.Json;

namespace SelfLearn.Web.Catalog;

/// <summary>One impact factor as <c>GET /api/impact-factors</c> serves it.</summary>
public sealed record CatalogFactor(
    string Key, string Type, FactorBounds Bounds, JsonElement Default, string? Unit, string Description, string Zone, long Version, DateTimeOffset UpdatedAt)
{
    public bool IsNumber => Type is "int" or "float";
}

public sealed record FactorBounds(decimal? Min, decimal? Max, decimal? Step, List<string>? AllowedValues);
