using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Experiments;
using Wolverine.Http;

namespace SelfLearn.Api.Experiments;

public static class GetExperiment
{
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/experiments/{id}", OperationId = "GetExperiment")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Experiment>(Experiment.StreamKey(id), ct) is { } experiment
            ? Results.Ok(experiment)
            : Problems.NotFound($"no experiment '{id}'.");
}
