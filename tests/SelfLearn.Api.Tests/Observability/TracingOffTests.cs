using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Observability;

/// <summary>With no OTLP endpoint (the test settings name none) OpenTelemetry is not registered at all: nothing listens, nothing exports.</summary>
public sealed class TracingOffTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public void Without_an_endpoint_no_provider_exporter_or_telemetry_service_is_registered()
    {
        Assert.Null(Host.Services.GetService<TracerProvider>());
        Assert.Null(Host.Services.GetService<MeterProvider>());
        Assert.DoesNotContain(Host.Services.GetServices<IHostedService>(), s => s.GetType().Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
    }
}
