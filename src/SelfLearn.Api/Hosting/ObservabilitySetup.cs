using JasperFx.OpenTelemetry;
using Marten;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SelfLearn.Agents.Observability;

namespace SelfLearn.Api.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP when an endpoint is configured (<see cref="EndpointSetting"/> or
/// the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). With neither, nothing is registered: no provider, no exporter and
/// no listener on any source, so every instrumented call skips its span (docs/CLUSTER.md, "Observability").
/// </summary>
public static class ObservabilitySetup
{
    public const string EndpointSetting = "OpenTelemetry:OtlpEndpoint";
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "selflearn";

    /// <summary>Wolverine and Marten each trace and meter under their own name.</summary>
    public static IReadOnlyList<string> CritterStackSources { get; } = ["Wolverine", "Marten"];

    /// <summary>service.instance.id: which process sent a span, so nodes on one host (same machine name) tell apart.</summary>
    public static string InstanceId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public static void AddSelfLearnObservability(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[EndpointSetting];
        if (string.IsNullOrWhiteSpace(configured) && string.IsNullOrWhiteSpace(builder.Configuration[StandardEndpointVariable]))
            return;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // The exporter reads the standard key from configuration, with its rules (signal paths for http/protobuf).
            builder.Configuration.AddInMemoryCollection([new(StandardEndpointVariable, configured)]);
        }

        builder.Services.ConfigureMarten(opts =>
        {
            opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            opts.OpenTelemetry.TrackEventCounters();
        });
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                builder.Configuration[ServiceNameVariable] ?? DefaultServiceName, serviceInstanceId: InstanceId, autoGenerateServiceInstanceId: false))
            .WithTracing(tracing => tracing
                // A balancer probes /health every few seconds: those requests would bury the traces worth reading.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource([.. CritterStackSources, .. SelfLearnTracing.SourceNames])
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter([.. CritterStackSources, "System.Runtime"])
                .AddOtlpExporter());
    }
}
