using Marten;

namespace SelfLearn.Api.Deployments;

/// <summary>The configuration valid at an instant, for the command line: the same lookup as GET /api/deployments/{id}/config?asOf=.</summary>
public static class ConfigAsOf
{
    public static async Task<ConfigSnapshot?> ReadAsync(IServiceProvider services, string deploymentId, DateTimeOffset at, CancellationToken ct)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        return await ConfigPoints.AsOf(session, deploymentId, at, ct);
    }
}
