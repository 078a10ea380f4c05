using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Tuner.UnpinVersion;

namespace SelfLearn.Api.Deployments;

public sealed record UnpinVersionRequest(string? Reason, long? ExpectedVersion);

public static class UnpinVersion
{
    /// <summary>Lifts the pin: automatic rollback rules apply to that version again.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/deployments/{id}/unpin", OperationId = "UnpinConfigVersion", Summary = "Lift the deployment's pin")]
    [ProducesResponseType<PinResponse>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Post(
        string id, UnpinVersionRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Require.Text(request.Reason, "reason") ?? await PinResponse.RespondAsync(await bus.InvokeAsync<TunerOutcome>(
            new Command(id, request.Reason!, user.Name(), request.ExpectedVersion), ct), id, session, ct);
}
