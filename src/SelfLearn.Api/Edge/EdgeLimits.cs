namespace SelfLearn.Api.Edge;

/// <summary>What every request must fit before an endpoint sees it; docs/API.md ("Limits") lists them with the per-route ones.</summary>
public static class EdgeLimits
{
    /// <summary>Body size of a route that declares none (<c>[RequestSizeLimit]</c> raises it for ingest and datasets).</summary>
    public const long DefaultBodyBytes = 1024 * 1024;

    /// <summary>Any string or property name in a JSON body; per-field limits are tighter.</summary>
    public const int MaxJsonStringLength = 8000;

    public const int MaxJsonDepth = 64;

    /// <summary>Any route value, query parameter name or query value: ids, versions, instants.</summary>
    public const int MaxUrlValueLength = 200;
}
