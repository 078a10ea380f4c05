using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using Wolverine;
using Wolverine.Http;

namespace SelfLearn.Api.Deployments;

public sealed record OpenDeploymentRequest(string? Id, string? Reason);

public static class OpenDeploymentEndpoint
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/deployments", OperationId = "OpenDeployment")]
    public static async Task<IResult> Post(OpenDeploymentRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        if ((Require.Text(request.Id, "id") ?? Require.OptionalText(request.Reason, "reason")) is { } invalid)
            return invalid;
        var outcome = await bus.InvokeAsync<TunerOutcome>(
            new OpenDeployment(request.Id!, request.Reason ?? "new deployment with catalog defaults", user.Name()), ct);
        if (Problems.Refusal(outcome) is { } refused)
            return refused;
        var created = outcome.Events.OfType<ConfigVersionCreated>().Single();
        return Results.Created($"/api/deployments/{created.DeploymentId}/config",
            new ConfigWriteResponse(created.DeploymentId, 1, 1, outcome.StreamVersion, created.Parameters, created.Changes));
    }
}

public static class ListDeployments
{
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/deployments", OperationId = "ListDeployments")]
    public static async Task<IReadOnlyList<Deployment>> Get(IQuerySession session, CancellationToken ct) =>
        await session.Query<Deployment>().OrderBy(d => d.Id).ToListAsync(ct);
}
