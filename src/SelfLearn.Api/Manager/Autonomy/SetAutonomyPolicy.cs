using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Manager.Autonomy;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Manager.Autonomy.SetAutonomyPolicy;

namespace SelfLearn.Api.Manager.Autonomy;

/// <summary>
/// A deployment's new autonomy policy. <c>activations</c> and <c>rollbacks</c> left out are the defaults;
/// <c>expectedVersion</c> is the policy's <c>version</c> the client read (0 before the first).
/// </summary>
public sealed record SetAutonomyPolicyRequest(
    IReadOnlyList<AutonomousFactor>? Autonomous,
    IReadOnlyList<string>? AlwaysApprove,
    PeriodLimit? Activations,
    PeriodLimit? Rollbacks,
    string? Reason,
    long? ExpectedVersion);

[Tags("Manager: autonomy")]
public static class SetAutonomyPolicy
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePut("/api/deployments/{id}/autonomy", OperationId = "SetAutonomyPolicy", Summary = "Set a deployment's autonomy policy")]
    [ProducesResponseType<AutonomyPolicyResponse>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Put(
        string id, SetAutonomyPolicyRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (Require.Text(request.Reason, "reason") is { } invalid)
            return invalid;
        if (request.Autonomous is null || request.Autonomous.Any(f => f is null || string.IsNullOrWhiteSpace(f.Key)))
            return Problems.BadRequest("'autonomous' lists the factors the loop may change alone, each as {key, min?, max?, allowedValues?} (it may be empty).");
        if (request.AlwaysApprove?.Any(string.IsNullOrWhiteSpace) == true)
            return Problems.BadRequest("'alwaysApprove' lists factor keys.");

        var policy = new AutonomyPolicy(request.Autonomous, request.AlwaysApprove ?? [],
            request.Activations ?? AutonomyPolicy.DefaultActivations, request.Rollbacks ?? AutonomyPolicy.DefaultRollbacks);
        var outcome = await bus.InvokeAsync<TunerOutcome>(new Command(id, policy, request.Reason!, user.Name(), request.ExpectedVersion), ct);
        return Problems.Refusal(outcome)
            ?? Results.Ok(AutonomyPolicyResponse.Of(await session.LoadAsync<DeploymentAutonomy>(DeploymentAutonomy.StreamKey(id), ct)));
    }
}
