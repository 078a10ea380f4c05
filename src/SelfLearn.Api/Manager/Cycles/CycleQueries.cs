using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine.Http;

namespace SelfLearn.Api.Manager.Cycles;

[Tags("Manager: cycles")]
public static class CycleQueries
{
    /// <summary>Cycles, newest first, optionally only those in one status.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/cycles", OperationId = "ListCycles", Summary = "List cycles, newest first")]
    [ProducesResponseType<IReadOnlyList<Cycle>>(StatusCodes.Status200OK)]
    [ProblemResponse(400)]
    public static async Task<IResult> List(string? status, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (status is not null && !CycleStatus.All.Contains(status))
            return Problems.BadRequest($"'status' is one of {string.Join(", ", CycleStatus.All)}, not '{status}'.");
        if (Require.Limit(limit) is { } invalid)
            return invalid;
        var query = session.Query<Cycle>().AsQueryable();
        if (status is not null)
            query = query.Where(c => c.Status == status);
        return Results.Ok(await query.OrderByDescending(c => c.StartedAt).ThenBy(c => c.CycleId).Take(limit ?? 100).ToListAsync(ct));
    }

    /// <summary>A cycle's progress: status, current step, the steps recorded with their times, the experiments and the outcome.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/cycles/{id}", OperationId = "GetCycle", Summary = "Read a cycle's progress")]
    [ProducesResponseType<Cycle>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404)]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Cycle>(Cycle.StreamKey(id), ct) is { } cycle ? Results.Ok(cycle) : Problems.NotFound($"no cycle '{id}'.");

    /// <summary>The cycle's report once the cycle has reported: JSON, or Markdown in the goal's language with <c>format=markdown</c>.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/cycles/{id}/report", OperationId = "GetCycleReport", Summary = "Read a cycle's report (JSON or Markdown)")]
    [ProducesResponseType<CycleReport>(StatusCodes.Status200OK, "application/json", "text/markdown")]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Report(string id, string? format, IQuerySession session, CancellationToken ct)
    {
        if (format is not (null or "json" or "markdown"))
            return Problems.BadRequest($"'format' is json or markdown, not '{format}'.");
        return await session.LoadAsync<Cycle>(Cycle.StreamKey(id), ct) switch
        {
            null => Problems.NotFound($"no cycle '{id}'."),
            { Report: { } report } cycle => format == "markdown"
                ? Results.Text(CycleReportMarkdown.Render(report, cycle.Goal.Language), "text/markdown; charset=utf-8")
                : Results.Ok(report),
            var cycle => Problems.Conflict($"cycle {id} has not reported yet: it is {cycle.Status}, next step {cycle.CurrentStep ?? "none"}."),
        };
    }
}
