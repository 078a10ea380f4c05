using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Security;
using SelfLearn.Benchmarks.Shared;
using SelfLearn.Domain.Teacher.Recommendations;
using Wolverine;

namespace SelfLearn.Benchmarks.Online;

/// <summary>
/// The real app on a loopback socket with 1-second windows. Monitoring on: the monitor's schedule every second and the
/// judge's pass every 10 s; off: neither (the fold's triggers are switched by the arm, <see cref="FoldTriggers"/>).
/// </summary>
internal static class MonitoredApp
{
    public const string Deployment = "default";
    public const string LoadRule = "load-errors";
    private const string Key = "bench-online-load-key-8c41d2";

    public static KestrelApp Start(string connectionString, bool monitoring) =>
        KestrelApp.Start(connectionString, Key, Roles.MetaUser, new Dictionary<string, string>
        {
            ["Online:WindowSeconds"] = "1",
            ["Online:EvaluateSeconds"] = monitoring ? "1" : "0",
            ["Online:JudgeIntervalSeconds"] = monitoring ? "10" : "0",
        });

    public static IMaasClient Maas(KestrelApp app) => new HttpMaasClient(app.Client);

    /// <summary>A global rule the monitor evaluates every second under load: errors above half the runs in two windows running (it never fires here).</summary>
    public static async Task SetLoadRuleAsync(KestrelApp app, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rule = new RollbackCondition("error.rate", 0, 2) { Comparison = RuleComparison.Absolute, Limit = 0.5, MinSamples = 5 };
        var outcome = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<TunerOutcome>(
            new SetDegradationRule(Deployment, LoadRule, rule, "benchmark: watched under load", "system:benchmark", null), ct);
        if (outcome.Status != TunerStatus.Accepted)
            throw new InvalidOperationException($"the Tuner refused the load rule: {outcome.Message}");
    }
}
