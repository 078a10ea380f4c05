using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Tuner.OpenDeployment;

namespace SelfLearn.Api.Deployments;

public sealed record OpenDeploymentRequest(string? Id, string? Reason);

public static class OpenDeployment
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/deployments", OperationId = "OpenDeployment")]
    public static async Task<IResult> Post(OpenDeploymentRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
        (Require.Text(request.Id, "id") ?? Require.OptionalText(request.Reason, "reason"))
        ?? ConfigWrites.Respond(await bus.InvokeAsync<TunerOutcome>(
            new Command(request.Id!, request.Reason ?? "new deployment with catalog defaults", user.Name()), ct),
            opened => $"/api/deployments/{opened.DeploymentId}/config");
}
