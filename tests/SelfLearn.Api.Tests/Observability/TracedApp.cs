using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Tests.Manager.Cycles;

namespace SelfLearn.Api.Tests.Observability;

/// <summary>
/// The real app host with OpenTelemetry on: an OTLP endpoint is configured (a closed port: what it would send is lost
/// quickly) and an in-memory exporter is added beside the app's own, so a test reads every span the app ended.
/// Cycles run end to end, as in <see cref="CycleApp"/>.
/// </summary>
public sealed class TracedApp : CycleApp
{
    public const string ClosedEndpoint = "http://127.0.0.1:9";

    public SpanLog Spans { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting(ObservabilitySetup.EndpointSetting, ClosedEndpoint);
        builder.UseSetting("OTEL_EXPORTER_OTLP_TIMEOUT", "200");
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
}

/// <summary>
/// An ActivitySource listener hears every host in the test process, so the traced tests run when no other test does
/// (a query from another collection would be a second trace here).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracedCollection : ICollectionFixture<TracedApp>
{
    public const string Name = "traced";
}
