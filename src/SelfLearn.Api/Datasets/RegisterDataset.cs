using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Registration = SelfLearn.Agents.Experiments.Datasets.RegisterDataset;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Scenarios;
using Wolverine.Http;

namespace SelfLearn.Api.Datasets;

public static class RegisterDataset
{
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Registers a scenario set (docs/SCENARIOS.md) as the next version of its dataset; the same content again returns
    /// the existing version with 200. The body is read strictly: the first error comes back with its JSON path.
    /// </summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/datasets", OperationId = "RegisterDataset")]
    [Consumes("application/json")]
    [RequestSizeLimit(MaxBytes)]
    public static async Task<IResult> Post(HttpRequest request, ClaimsPrincipal user, IDocumentStore store, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var (set, error) = ScenarioJson.Parse(await reader.ReadToEndAsync(ct));
        if (set is null)
            return Problems.InvalidScenarios(error!);

        var registered = await Registration.RunAsync(store, set, "api", user.Name(), ct);
        var location = $"/api/datasets/{registered.Name}/versions/{registered.Version}";
        return registered.Created ? Results.Created(location, registered) : Results.Ok(registered);
    }
}
