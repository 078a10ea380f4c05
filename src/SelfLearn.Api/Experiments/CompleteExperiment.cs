using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Agents.Tuner;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Experiments.CompleteExperiment;

namespace SelfLearn.Api.Experiments;

public static class CompleteExperiment
{
    /// <summary>started → completed: ran to its planned end.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/experiments/{id}/complete", OperationId = "CompleteExperiment")]
    public static async Task<IResult> Post(
        string id, ExperimentTransitionRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Require.OptionalText(request.Reason, "reason")
        ?? await ExperimentTransitionResponse.RespondAsync(
            await bus.InvokeAsync<TunerOutcome>(new Command(id, request.Reason, user.Name(), request.ExpectedVersion), ct), id, session, ct);
}
