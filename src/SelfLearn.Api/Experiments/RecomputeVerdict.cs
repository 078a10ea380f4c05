using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using Wolverine.Http;
using UseCase = SelfLearn.Agents.Teacher.Evaluation.RecomputeVerdict;

namespace SelfLearn.Api.Experiments;

public static class RecomputeVerdict
{
    /// <summary>The recompute command over HTTP: the latest verdict recomputed from its stored aggregates, and whether it reproduced.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/experiments/{id}/verdict/recompute", OperationId = "RecomputeExperimentVerdict")]
    public static async Task<IResult> Get(string id, UseCase recompute, CancellationToken ct)
    {
        try
        {
            return Results.Ok(await recompute.RunAsync(id, ct));
        }
        catch (EvaluationRefusedException refusal)
        {
            return Problems.Refusal(refusal);
        }
    }
}
