using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wolverine;
using Wolverine.Runtime;

namespace SelfLearn.Api.Hosting.Cluster;

public static class NodeSetup
{
    /// <summary>This node's identity in /health ("node") and in every response's <see cref="NodeIdentity.Header"/>.</summary>
    public static void AddNodeIdentity(this WebApplicationBuilder builder)
    {
        var node = builder.Configuration.GetSection(NodeIdentity.Section).Get<NodeIdentity>() ?? new NodeIdentity();
        builder.Services.AddSingleton(node);
        builder.Services.AddHealthChecks().AddCheck<NodeHealthCheck>("node");
    }

    public static void UseNodeHeader(this WebApplication app)
    {
        var name = app.Services.GetRequiredService<NodeIdentity>().Name;
        app.Use((context, next) =>
        {
            context.Response.Headers[NodeIdentity.Header] = name;
            return next(context);
        });
    }

    /// <summary>
    /// <c>Cluster:StaleNodeSeconds</c> and <c>Cluster:HealthCheckSeconds</c>: how soon Wolverine takes a silent node for
    /// dead and hands its leadership, scheduled work and stored messages to the others (Wolverine's defaults otherwise).
    /// </summary>
    public static WolverineOptions UseClusterTimings(this WolverineOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection("Cluster");
        if (section.GetValue<double?>("StaleNodeSeconds") is { } stale)
            options.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(stale);
        if (section.GetValue<double?>("HealthCheckSeconds") is { } check)
        {
            options.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(check);
            options.Durability.FirstHealthCheckExecution = TimeSpan.FromSeconds(Math.Min(check, 3));
        }
        return options;
    }
}

/// <summary>Always healthy; its data say which node answered and how Wolverine sees it.</summary>
public sealed class NodeHealthCheck(NodeIdentity node, IWolverineRuntime wolverine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var durability = wolverine.DurabilitySettings;
        var data = new Dictionary<string, object>(node.AsHealthData())
        {
            ["wolverineNode"] = durability.AssignedNodeNumber,
            ["staleNodeSeconds"] = durability.StaleNodeTimeout.TotalSeconds,
            ["healthCheckSeconds"] = durability.HealthCheckPollingTime.TotalSeconds,
        };
        return Task.FromResult(HealthCheckResult.Healthy(node.Name, data));
    }
}
