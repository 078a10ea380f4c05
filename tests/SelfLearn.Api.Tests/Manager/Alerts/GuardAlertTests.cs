using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Api.Tests.Infrastructure;
using static SelfLearn.Api.Tests.Teacher.HandMadeRuns;

namespace SelfLearn.Api.Tests.Manager.Alerts;

/// <summary>A verdict that finds a guard breached raises one guardBreached alert named by the verdict, committed with it.</summary>
public sealed class GuardAlertTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_verdict_with_a_breached_latency_guard_raises_one_guardBreached_alert()
    {
        // As in SkewedValuesTests: b's p95 latency is 255 ms above a's, past the guard's 100 ms.
        await Host.RecordSimulationAsync();
        await Host.StoreAsync([
            .. Enumerable.Range(0, 100).Select(i => Run("a", $"load/{i}", [], [], total: 50.0 + i)),
            .. Enumerable.Range(0, 100).Select(i => Run("b", $"load/{i}", [], [], total: i < 85 ? 5.0 + i : 305.0 + i)),
        ]);
        await Host.Post("/api/experiments", new
        {
            id = Experiment, deploymentId = "default", mode = "offline", dataset = new { name = "handmade", version = 1 },
            variants = new[] { new { name = "a", configVersion = 1, role = "baseline" }, new { name = "b", configVersion = 1, role = "treatment" } },
            guardMetrics = new[] { new { metric = "latency.total_ms", maxAbsoluteDegradation = 100.0 } },
        }, 201);

        EvaluationReport report;
        await using (var scope = Host.Services.CreateAsyncScope())
            report = await scope.ServiceProvider.GetRequiredService<EvaluateExperiment>().RunAsync(Experiment, "test", null, TestContext.Current.CancellationToken);
        var verdictId = report.Verdict.VerdictId;

        var alert = Assert.Single((await Host.Get("/api/alerts"))!.AsArray())!;
        Assert.Equal(($"guard-breached-{verdictId}", "guardBreached", "default", Experiment, "test"),
            (alert["alertId"]!.GetValue<string>(), alert["kind"]!.GetValue<string>(), alert["deploymentId"]!.GetValue<string>(),
                alert["subject"]!.GetValue<string>(), alert["raisedBy"]!.GetValue<string>()));
        Assert.Equal($"experiment {Experiment}, verdict {verdictId}: a guard was breached — b: latency.total_ms (maxAbsoluteDegradation).",
            alert["message"]!.GetValue<string>());
        var breach = Assert.Single(alert["evidence"]!["breaches"]!.AsArray())!;
        Assert.Equal(("b", "latency.total_ms", 100.0, 255.0), (breach["variant"]!.GetValue<string>(), breach["metric"]!.GetValue<string>(),
            breach["limitValue"]!.GetValue<double>(), Math.Round(breach["observed"]!.GetValue<double>(), 9)));
    }
}
