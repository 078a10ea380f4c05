using Alba;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Student.Telemetry;

namespace SelfLearn.Api.Tests.Web.Experiments;

/// <summary>
/// Experiments for the page tests: an offline design with a primary, a guard and a segment; an online one (a latency guard
/// only) with hand-made runs enough for every test to run.
/// </summary>
public static class ExperimentPageData
{
    public static object Design(string id, string mode = "offline") => new
    {
        id, deploymentId = "default", mode,
        variants = new[] { new { name = "control", configVersion = 1 }, new { name = "fewer", configVersion = 1 } },
        hypothesis = new { text = "Fewer items keep recall" },
        primaryMetrics = new[]
        {
            new { metric = "retrieval.delivered_recall", minimumEffect = new { value = 0.05, scale = "absolute" }, prior = new { standardDeviation = 0.2 } },
        }.Take(mode == "offline" ? 1 : 0).ToArray(),
        guardMetrics = new[] { new { metric = "latency.total_ms", maxRelativeDegradation = 0.1 } },
        alpha = 0.05, power = 0.8,
        segments = mode == "offline" ? new[] { "kind:single-hop" } : [],
    };

    /// <summary>
    /// Twelve online runs per variant, one user each, with total latencies 100 + 3i ms (control) and 130 + 5i ms (fewer):
    /// enough units per arm (10) for Welch's test, so the verdict has intervals to draw.
    /// </summary>
    public static async Task StoreOnlineRunsAsync(this IAlbaHost host, string experimentId)
    {
        var writer = host.Services.GetRequiredService<TelemetryWriter>();
        for (var i = 0; i < 12; i++)
        {
            writer.Enqueue(Run(experimentId, "control", $"u-c{i}", 100 + 3 * i));
            writer.Enqueue(Run(experimentId, "fewer", $"u-f{i}", 130 + 5 * i));
        }
        await writer.FlushAsync();
    }

    private static PipelineRun Run(string experimentId, string variant, string user, double totalMs) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, "default", 1, experimentId, variant, "online", null, null, user, $"t-{user}",
            "what do you remember?", "an answer", false, [], [], [], [], [], 10, 5, new Dictionary<string, double> { ["total"] = totalMs }, null);
}
