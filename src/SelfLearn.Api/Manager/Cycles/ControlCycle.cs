using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Manager.Cycles;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine;
using Wolverine.Http;

namespace SelfLearn.Api.Manager.Cycles;

/// <summary>The meta-user's controls of a running cycle; each answers with the cycle after it.</summary>
[Tags("Manager: cycles")]
public static class ControlCycle
{
    /// <summary>running or awaiting approval → paused: the step in flight finishes, the next one waits.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/cycles/{id}/pause", OperationId = "PauseCycle", Summary = "Pause a running cycle")]
    [ProducesResponseType<Cycle>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Pause(string id, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        await CycleResponses.RespondAsync(await InvokeCycleControl.InvokeAsync(bus, new PauseCycle(id, user.Name(), null), ct), session, ct);

    /// <summary>paused → running (or back to awaiting approval): continues from the recorded step.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/cycles/{id}/resume", OperationId = "ResumeCycle", Summary = "Resume a paused cycle")]
    [ProducesResponseType<Cycle>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Resume(string id, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        await CycleResponses.RespondAsync(await InvokeCycleControl.InvokeAsync(bus, new ResumeCycle(id, user.Name()), ct), session, ct);

    /// <summary>any cycle that has not ended → stopped, for good.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/cycles/{id}/stop", OperationId = "StopCycle", Summary = "Stop a cycle for good")]
    [ProducesResponseType<Cycle>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Stop(string id, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        await CycleResponses.RespondAsync(await InvokeCycleControl.InvokeAsync(bus, new StopCycle(id, user.Name(), null), ct), session, ct);
}
