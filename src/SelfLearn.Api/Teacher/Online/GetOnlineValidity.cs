using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Teacher.Online;
using Wolverine.Http;

namespace SelfLearn.Api.Teacher.Online;

/// <summary>Every observation, oldest first, and the running agreement over all of them.</summary>
public sealed record OnlineValidityReport(IReadOnlyList<OnlineOutcomeObserved> Observations, RunningAgreement Running);

[Tags("Teacher: online")]
public static class GetOnlineValidity
{
    /// <summary>The offline→online validity of the emulator: each observed activation and the running agreement.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/online/validity", OperationId = "GetOnlineValidity", Summary = "Read the offline-to-online agreement")]
    [ProducesResponseType<OnlineValidityReport>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string? deploymentId, IQuerySession session, CancellationToken ct)
    {
        var all = await session.Events.QueryRawEventDataOnly<OnlineOutcomeObserved>().ToListAsync(ct);
        var shown = deploymentId is null ? all : [.. all.Where(o => o.DeploymentId == deploymentId)];
        return Results.Ok(new OnlineValidityReport(shown, Agreement.Of([.. shown.SelectMany(o => o.Metrics)])));
    }
}
