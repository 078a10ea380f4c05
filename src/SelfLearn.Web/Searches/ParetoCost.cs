namespace SelfLearn.Web.Searches;

/// <summary>The two costs the Pareto front weighs quality against (docs/API.md, "GET /api/searches/{id}/pareto").</summary>
public enum ParetoCost
{
    Tokens,
    Latency,
}

public static class ParetoCosts
{
    /// <summary>The metric a trial records the cost under; the same names the API's front is computed from.</summary>
    public static string Metric(this ParetoCost cost) => cost == ParetoCost.Tokens ? "tokens.in" : "latency.retrieve_ms";

    public static string Label(this ParetoCost cost) => cost == ParetoCost.Tokens ? "context tokens (tokens.in)" : "retrieval latency, ms (latency.retrieve_ms)";

    public static double Of(this ParetoCost cost, ParetoPoint point) => cost == ParetoCost.Tokens ? point.TokensIn : point.LatencyRetrieveMs;
}
