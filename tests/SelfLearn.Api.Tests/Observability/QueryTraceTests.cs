using System.Diagnostics;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SelfLearn.Agents.Observability;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;

namespace SelfLearn.Api.Tests.Observability;

/// <summary>One MaaS query, traced: the ASP.NET Core server span at the root, the Student's stages and their database calls under it.</summary>
[Collection(TracedCollection.Name)]
public sealed class QueryTraceTests(TracedApp app) : IAsyncLifetime
{
    private static readonly string[] Stages = ["config", "embed", "load", "retrieve", "generate"];

    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task One_query_is_one_trace_with_the_server_span_as_root_and_the_stages_and_database_calls_under_it()
    {
        await Host.Remember("alice", ("Alice adopted a cat named Max.", "s-1", "2026-01-01T10:00:00Z"));
        app.Spans.Clear();

        var answer = (await Host.Ask("alice", "What is the name of Alice's cat?"))!;

        var server = await app.Spans.WaitForAsync(IsQueryRequest);
        var spans = app.Spans.Snapshot();
        Assert.Single(spans, IsQueryRequest);
        Assert.Equal((ActivityKind.Server, "Microsoft.AspNetCore", default), (server.Kind, server.Source.Name, server.ParentSpanId));
        var trace = spans.Where(s => s.TraceId == server.TraceId).ToList();
        Assert.All(trace, s => Assert.True(Descends(s, server, trace), $"{s.Source.Name} {s.DisplayName} hangs from no span of the request"));

        var stages = spans.Where(s => s.Source.Name == SelfLearnTracing.StudentSourceName).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(Stages, stages.Select(s => s.DisplayName));
        Assert.All(stages, s => Assert.Equal(server.TraceId, s.TraceId));
        var runId = answer["runId"]!.GetValue<string>();
        var configVersion = answer["configVersion"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cycleType = answer["cycleType"]!.GetValue<string>();
        Assert.All(stages, s => Assert.Equal(("default", runId, configVersion, cycleType),
            (Tag(s, SelfLearnTracing.Tags.DeploymentId), Tag(s, SelfLearnTracing.Tags.RunId), Tag(s, SelfLearnTracing.Tags.ConfigVersion), Tag(s, SelfLearnTracing.Tags.CycleType))));

        var database = trace.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(database);
        Assert.All(database, s => Assert.Contains(stages, stage => Descends(s, stage, trace)));
        var config = stages[0];
        Assert.Contains(database, s => Descends(s, config, trace));
    }

    [Fact]
    public void The_node_is_named_in_every_span_and_the_configured_endpoint_reaches_the_exporter()
    {
        var resource = Host.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal(("selflearn", ObservabilitySetup.InstanceId), ((string)resource["service.name"], (string)resource["service.instance.id"]));
        Assert.StartsWith($"{Environment.MachineName}-{Environment.ProcessId}-", ObservabilitySetup.InstanceId, StringComparison.Ordinal);
        Assert.NotNull(Host.Services.GetService<MeterProvider>());
        var otlp = Host.Services.GetRequiredService<IOptionsMonitor<OtlpExporterOptions>>().Get(Options.DefaultName);
        Assert.Equal(new Uri(TracedApp.ClosedEndpoint), otlp.Endpoint);
    }

    [Fact]
    public async Task The_balancers_health_probes_are_not_traced()
    {
        app.Spans.Clear();

        await Host.Scenario(s => s.Get.Url("/health"));
        await Host.Get("/api/me", key: Keys.Auditor);

        await app.Spans.WaitForAsync(s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/api/me");
        Assert.DoesNotContain(app.Spans.Snapshot(), s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/health");
    }

    private static bool IsQueryRequest(Activity span) =>
        span.Kind == ActivityKind.Server && span.GetTagItem("url.path") as string == "/maas/v1/query";

    private static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();

    /// <summary>Whether <paramref name="span"/> is <paramref name="ancestor"/> or sits under it, following parents within the trace.</summary>
    private static bool Descends(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        for (Activity? current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.SpanId == ancestor.SpanId)
                return true;
        }
        return false;
    }
}
