using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Datasets;
using Wolverine.Http;

namespace SelfLearn.Api.Datasets;

public sealed record DatasetListItem(string Name, int LatestVersion, string LatestSha256, int Scenarios, int Questions, DateTimeOffset UpdatedAt);

public static class DatasetQueries
{
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/datasets", OperationId = "ListDatasets")]
    public static async Task<IReadOnlyList<DatasetListItem>> List(IQuerySession session, CancellationToken ct) =>
        [.. (await session.Query<GoldenDataset>().OrderBy(d => d.Name).ToListAsync(ct)).Select(d =>
            new DatasetListItem(d.Name, d.Latest.Registered.Version, d.Latest.Registered.Sha256, d.Latest.Registered.Scenarios,
                d.Latest.Registered.Questions, d.Latest.RegisteredAt))];

    /// <summary>Every version of a dataset: hash, generator, seed, size and question kinds.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/datasets/{name}", OperationId = "GetDataset")]
    public static async Task<IResult> Get(string name, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<GoldenDataset>(GoldenDataset.StreamKey(name), ct) is { } dataset
            ? Results.Ok(dataset)
            : Problems.NotFound($"no dataset '{name}'.");

    /// <summary>The exact content of a version, byte for byte as registered (its SHA-256 is in the ETag).</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/datasets/{name}/versions/{version}", OperationId = "GetDatasetVersion")]
    public static async Task<IResult> GetVersion(string name, int version, HttpResponse response, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<DatasetContent>(DatasetContent.IdFor(name, version), ct) is not { } content)
            return Problems.NotFound($"no dataset '{name}' version {version}.");
        response.Headers.ETag = $"\"{content.Sha256}\"";
        return Results.Text(content.Json, "application/json");
    }
}
