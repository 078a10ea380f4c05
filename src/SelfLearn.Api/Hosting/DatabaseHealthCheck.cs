using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SelfLearn.Api.Hosting;

/// <summary>
/// Whether PostgreSQL answers. /health is anonymous, so the answer never carries the exception: its text names the
/// host and port. The cause goes to the log.
/// </summary>
public sealed class DatabaseHealthCheck(IDocumentStore store, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.QueryAsync<int>("select 1", cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
#pragma warning disable CA1031 // Whatever the failure, the check answers "unhealthy"; the cause is logged.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "The database health check failed");
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.");
        }
    }
}
