using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Manager.Approvals;
using Wolverine.Http;

namespace SelfLearn.Api.Manager.Approvals;

[Tags("Manager: approvals")]
public static class ApprovalQueries
{
    /// <summary>Approvals, oldest request first (the queue: <c>?status=pending</c>).</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/approvals", OperationId = "ListApprovals", Summary = "List approvals (the queue with status=pending)")]
    [ProducesResponseType<IReadOnlyList<Approval>>(StatusCodes.Status200OK)]
    [ProblemResponse(400)]
    public static async Task<IResult> List(string? status, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (status is not null && !ApprovalStatus.All.Contains(status))
            return Problems.BadRequest($"'status' is one of {string.Join(", ", ApprovalStatus.All)}, not '{status}'.");
        if (Require.Limit(limit) is { } invalid)
            return invalid;
        var query = session.Query<Approval>().AsQueryable();
        if (status is not null)
            query = query.Where(a => a.Status == status);
        return Results.Ok(await query.OrderBy(a => a.RequestedAt).ThenBy(a => a.ApprovalId).Take(limit ?? 100).ToListAsync(ct));
    }

    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/approvals/{id}", OperationId = "GetApproval", Summary = "Read an approval")]
    [ProducesResponseType<Approval>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404)]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Approval>(Approval.StreamKey(id), ct) is { } approval
            ? Results.Ok(approval)
            : Problems.NotFound($"no approval '{id}'.");
}
