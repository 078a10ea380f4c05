using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SelfLearn.Api.Hosting;

/// <summary>
/// Status, description and data of each check. An exception's text is never written: /health is anonymous and the
/// text can name hosts, ports and internal types (a check that throws gets its message as description).
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = Name(report.Status),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = Name(e.Value.Status),
                description = e.Value.Exception is null ? e.Value.Description : "The check failed.",
                data = e.Value.Data,
            }),
        });

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
