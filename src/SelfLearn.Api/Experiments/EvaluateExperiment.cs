using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using Wolverine.Http;
using UseCase = SelfLearn.Agents.Teacher.Evaluation.EvaluateExperiment;

namespace SelfLearn.Api.Experiments;

public static class EvaluateExperiment
{
    /// <summary>
    /// The evaluate command over HTTP: judges, aggregates and records a verdict, answering it once it is recorded. It runs
    /// within the request (judging with a language model can take minutes); a caller that disconnects cancels it.
    /// </summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/experiments/{id}/evaluate", OperationId = "EvaluateExperiment")]
    public static async Task<IResult> Post(string id, ClaimsPrincipal user, UseCase evaluation, CancellationToken ct)
    {
        try
        {
            var report = await evaluation.RunAsync(id, user.Name(), null, ct);
            return Results.Ok(report.Verdict);
        }
        catch (EvaluationRefusedException refusal)
        {
            return Problems.Refusal(refusal);
        }
    }
}
