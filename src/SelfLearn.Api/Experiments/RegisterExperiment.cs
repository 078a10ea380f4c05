using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Experiments;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Tuner.RegisterExperiment;

namespace SelfLearn.Api.Experiments;

public sealed record RegisterExperimentRequest(
    string? Id,
    string? DeploymentId,
    IReadOnlyList<ExperimentVariant>? Variants,
    AssignmentUnit? AssignmentUnit,
    string? Description);

public static class RegisterExperiment
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/experiments", OperationId = "RegisterExperiment")]
    public static async Task<IResult> Post(
        RegisterExperimentRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if ((Require.Text(request.Id, "id") ?? Require.Text(request.DeploymentId, "deploymentId")
                ?? Require.OptionalText(request.Description, "description")) is { } invalid)
            return invalid;
        if (request.Variants is null || request.Variants.Any(v => v is null || string.IsNullOrWhiteSpace(v.Name)))
            return Problems.BadRequest("'variants' is required: a list of {\"name\", \"configVersion\"}.");

        var outcome = await bus.InvokeAsync<TunerOutcome>(new Command(request.Id!, request.DeploymentId!,
            request.Variants, request.AssignmentUnit ?? AssignmentUnit.User, request.Description, user.Name()), ct);
        return Problems.Refusal(outcome)
            ?? Results.Created($"/api/experiments/{request.Id}", await session.LoadAsync<Experiment>(Experiment.StreamKey(request.Id!), ct));
    }
}
