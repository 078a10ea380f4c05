using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace SelfLearn.Api.Hosting;

public static class HealthSetup
{
    /// <summary>/health checks the database and the telemetry writer; a failing background service is logged, never fatal.</summary>
    public static void AddSelfLearnHealth(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<TelemetryHealthCheck>("telemetry");
    }

    public static void MapSelfLearnHealth(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
}
