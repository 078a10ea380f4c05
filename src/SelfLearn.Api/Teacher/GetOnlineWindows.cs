using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Teacher.Metrics;
using Wolverine.Http;

namespace SelfLearn.Api.Teacher;

/// <summary>One metric of live traffic in one window (docs/ONLINE.md): count, sum and sum of squares of the per-run values, and what follows from them.</summary>
public sealed record OnlineWindow(
    int ConfigVersion,
    string ExperimentId,
    string Variant,
    DateTimeOffset WindowStart,
    string Metric,
    long N,
    double Sum,
    double SumOfSquares,
    double? Mean,
    double? StandardDeviation);

public sealed record OnlineWindows(string DeploymentId, int WindowSeconds, IReadOnlyList<OnlineWindow> Windows);

public static class GetOnlineWindows
{
    /// <summary>A deployment's folded live windows starting in [from, to), oldest first, optionally one metric.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/online/windows", OperationId = "GetOnlineWindows", Summary = "Read a deployment's online metric windows")]
    public static async Task<IResult> Get(string id, string? from, string? to, string? metric, int? limit,
        OnlineWindowReader reader, IOptions<OnlineOptions> options, IQuerySession session, CancellationToken ct)
    {
        if (Require.Limit(limit) is { } badLimit)
            return badLimit;
        if (Require.OptionalTimestamp(from, "from", out var start) is { } badFrom)
            return badFrom;
        if (Require.OptionalTimestamp(to, "to", out var end) is { } badTo)
            return badTo;
        if (start is { } s && end is { } e && s >= e)
            return Problems.BadRequest("'from' must be before 'to'.");
        if (metric is not null && !OnlineMetrics.IsOnline(metric))
            return Problems.BadRequest(MetricRegistry.IsKnown(metric)
                ? $"'{metric}' is not measured on live traffic; online metrics: {string.Join(", ", OnlineMetrics.All.Select(m => m.Name))}."
                : $"unknown metric '{metric}' (docs/METRICS.md lists the known ones).");
        if (await session.Events.FetchStreamStateAsync(id, ct) is null)
            return Problems.NotFound($"no deployment '{id}'.");

        var figures = await reader.ReadAsync(id, start ?? DateTimeOffset.UnixEpoch, end ?? DateTimeOffset.MaxValue, metric is null ? null : [metric], ct,
            limit ?? Require.MaxPage);
        return Results.Ok(new OnlineWindows(id, options.Value.WindowSeconds, [.. figures.Select(f => new OnlineWindow(
            f.ConfigVersion, f.ExperimentId, f.Variant, f.WindowStart, f.Metric, f.N, f.Total, f.Squares, f.Mean, f.StandardDeviation))]));
    }
}
