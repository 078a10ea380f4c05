using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Tuner.PinVersion;

namespace SelfLearn.Api.Deployments;

/// <summary><c>version</c>: the version to pin, the active one when left out.</summary>
public sealed record PinVersionRequest(int? Version, string? Reason, long? ExpectedVersion);

/// <summary>The deployment's pin after a pin or unpin, and the stream version to send next time.</summary>
public sealed record PinResponse(string DeploymentId, int? PinnedVersion, int? ActiveVersion, long StreamVersion)
{
    public static async Task<IResult> RespondAsync(TunerOutcome outcome, string deploymentId, IQuerySession session, CancellationToken ct) =>
        Problems.Refusal(outcome) ?? await session.LoadAsync<Deployment>(deploymentId, ct) switch
        {
            { } d => Results.Ok(new PinResponse(d.Id, d.PinnedVersion, d.ActiveVersion, outcome.StreamVersion)),
            null => Problems.NotFound($"no deployment '{deploymentId}'."),
        };
}

public static class PinVersion
{
    /// <summary>While the pinned version is active, no automatic rule rolls it back; a person still may.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/deployments/{id}/pin", OperationId = "PinConfigVersion", Summary = "Pin a version against automatic rollback")]
    [ProducesResponseType<PinResponse>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Post(
        string id, PinVersionRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Require.Text(request.Reason, "reason") ?? await PinResponse.RespondAsync(await bus.InvokeAsync<TunerOutcome>(
            new Command(id, request.Version, request.Reason!, user.Name(), request.ExpectedVersion), ct), id, session, ct);
}
