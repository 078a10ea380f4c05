using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Teacher.Online.EvaluateDegradationRules;

namespace SelfLearn.Api.Teacher.Online;

[Tags("Teacher: degradation rules")]
public static class EvaluateDegradationRules
{
    /// <summary>Runs one evaluation of the deployment's rules now, exactly as the schedule does, and reports what it judged and did.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/deployments/{id}/rules/evaluate", OperationId = "EvaluateDegradationRules", Summary = "Evaluate a deployment's degradation rules now")]
    [ProducesResponseType<DegradationReport>(StatusCodes.Status200OK)]
    [ProblemResponse(404)]
    public static async Task<IResult> Post(string id, IMessageBus bus, CancellationToken ct)
    {
        var report = await bus.InvokeAsync<DegradationReport>(new Command(id), ct);
        return report.Action == DegradationAction.NoDeployment ? Problems.NotFound(report.Detail) : Results.Ok(report);
    }
}
