using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Simulations;
using Wolverine.Http;

namespace SelfLearn.Api.Experiments;

public static class SimulationQueries
{
    /// <summary>A simulation as recorded: dataset version, seed, variants and their config versions, tallies and status.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/simulations/{id}", OperationId = "GetSimulation")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Simulation>(Simulation.StreamKey(id), ct) is { } simulation
            ? Results.Ok(simulation)
            : Problems.NotFound($"no simulation '{id}'.");

    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/experiments/{id}/simulations", OperationId = "ListExperimentSimulations")]
    public static async Task<IReadOnlyList<Simulation>> ForExperiment(string id, IQuerySession session, CancellationToken ct) =>
        await session.Query<Simulation>().Where(s => s.Plan.ExperimentId == id).OrderBy(s => s.StartedAt).ToListAsync(ct);
}
