using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Teacher.Online;
using Wolverine.Http;
using Observer = SelfLearn.Agents.Teacher.Online.ObserveOnlineOutcome;

namespace SelfLearn.Api.Teacher.Online;

/// <summary>Why no observation was recorded (yet).</summary>
public sealed record NotObserved(bool Recorded, string Reason);

[Tags("Teacher: online")]
public static class ObserveOnlineOutcome
{
    /// <summary>Sets the active activation's offline prediction against its live windows now, if its span has passed (docs/ONLINE.md).</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/deployments/{id}/online/validity", OperationId = "ObserveOnlineOutcome", Summary = "Check the active activation's offline prediction against live traffic")]
    [ProducesResponseType<OnlineOutcomeObserved>(StatusCodes.Status201Created)]
    [ProducesResponseType<NotObserved>(StatusCodes.Status200OK)]
    [ProblemResponse(404)]
    public static async Task<IResult> Post(string id, Observer observe, CancellationToken ct)
    {
        var (observed, reason) = await observe.RunAsync(id, ct);
        if (observed is not null)
            return Results.Created($"/api/online/validity?deploymentId={Uri.EscapeDataString(id)}", observed);
        return reason!.StartsWith("no deployment", StringComparison.Ordinal) ? Problems.NotFound(reason) : Results.Ok(new NotObserved(false, reason));
    }
}
