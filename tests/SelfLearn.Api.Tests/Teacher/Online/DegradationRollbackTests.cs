using System.Text.Json.Nodes;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Alerts;
using SelfLearn.Domain.Teacher.Online;
using static SelfLearn.Api.Tests.Teacher.Online.OnlineWindowRows;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>
/// The rule <c>errors</c>: error rate more than 50 % above the baseline (4 errors in 100 runs of version 1 in the second
/// before the activation, so the limit is 0.06) in 2 one-second windows in a row, with at least 10 runs per window.
/// </summary>
public sealed class DegradationRollbackTests(TwoEvaluators apps) : IClassFixture<TwoEvaluators>, IAsyncLifetime
{
    private const string Evaluate = "/api/deployments/default/rules/evaluate";
    private IAlbaHost Host => apps.First;

    public async ValueTask InitializeAsync()
    {
        apps.Gate.Barrier = null;
        await Host.ResetForTestAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Two_evaluators_judging_the_same_degradation_at_the_same_time_roll_back_exactly_once_with_the_evidence_and_one_alert()
    {
        var (version, first) = await BadVersionActive(runsPerWindow: 50, errorsPerWindow: 10);
        using var barrier = new Barrier(2);
        apps.Gate.Barrier = barrier;

        var reports = await Task.WhenAll(Task.Run(() => apps.First.PostWithoutBody(Evaluate, 200)), Task.Run(() => apps.Second.PostWithoutBody(Evaluate, 200)));

        Assert.Equal(["alreadyHandled", "rolledBack"], reports.Select(r => r!["action"]!.GetValue<string>()).Order());
        var rollback = Assert.Single(await Events<ConfigRolledBack>());
        Assert.Equal((version, 1, "errors", DegradationRuleEvaluatorBy, ChangeLinks.None), (rollback.FromVersion, rollback.ToVersion, rollback.Rule, rollback.By, rollback.Links));
        var evidence = rollback.Evidence!;
        Assert.Equal(("errors", 2, version), (evidence.Rule, evidence.Activation, evidence.ConfigVersion));
        Assert.Equal((1, first.AddSeconds(-1), 100L, 0.04), (evidence.Baseline!.ConfigVersion, evidence.Baseline.Start, evidence.Baseline.N, evidence.Baseline.Mean!.Value));
        Assert.Equal([(first, 50L, 0.2, 0.04, 0.06, WindowOutcome.Failed), (first.AddSeconds(1), 50L, 0.2, 0.04, 0.06, WindowOutcome.Failed)],
            evidence.Windows.Select(w => (w.Start, w.N, w.Mean, w.Reference!.Value, Math.Round(w.Limit!.Value, 9), w.Outcome)));
        var alert = Assert.Single(await Events<AlertRaised>());
        Assert.Equal(($"rule-fired:default:2:errors", AlertKind.RuleFired, "default"), (alert.AlertId, alert.Kind, alert.DeploymentId));
        Assert.Equal(2, alert.Evidence!.Value.GetProperty("windows").GetArrayLength());
        Assert.Equal(1, (await Deployment()).ActiveVersion);
    }

    [Fact]
    public async Task A_pinned_version_is_not_rolled_back_and_gets_one_alert_however_often_it_is_evaluated()
    {
        var (version, _) = await BadVersionActive(runsPerWindow: 50, errorsPerWindow: 10, pin: true);

        var report = await Host.PostWithoutBody(Evaluate, 200);
        var before = await Host.EventCount();
        var again = await apps.Second.PostWithoutBody(Evaluate, 200);

        Assert.Equal(("pinnedAlerted", true, "alreadyHandled"), (report!["action"]!.GetValue<string>(), report["pinned"]!.GetValue<bool>(), again!["action"]!.GetValue<string>()));
        Assert.Empty(await Events<ConfigRolledBack>());
        var alert = Assert.Single(await Events<AlertRaised>());
        Assert.Equal((AlertKind.PinnedNotRolledBack, "pinned-not-rolled-back:default:2:errors"), (alert.Kind, alert.AlertId));
        Assert.Equal(before, await Host.EventCount());
        Assert.Equal(version, (await Deployment()).ActiveVersion);
    }

    [Fact]
    public async Task Windows_with_fewer_runs_than_the_minimum_do_not_fire_and_nothing_is_written()
    {
        await BadVersionActive(runsPerWindow: 9, errorsPerWindow: 9);
        var before = await Host.EventCount();

        var report = await Host.PostWithoutBody(Evaluate, 200);

        Assert.Equal("nothingFired", report!["action"]!.GetValue<string>());
        var windows = report["rules"]![0]!["windows"]!.AsArray();
        Assert.Equal([(9L, "tooFewSamples"), (9L, "tooFewSamples")], windows.Select(w => (w!["n"]!.GetValue<long>(), w["outcome"]!.GetValue<string>())));
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task An_activation_from_a_recommendation_arms_its_rollback_conditions_and_they_fire()
    {
        await Host.Post("/api/recommendations", new Dictionary<string, object?>
        {
            ["id"] = "rec-errors",
            ["deploymentId"] = "default",
            ["changes"] = new[] { new { key = "retrieval.top_k", from = 5, to = 3 } },
            ["expectedEffect"] = new Dictionary<string, string> { ["error.rate"] = "down" },
            ["reason"] = "fewer items",
            ["evidence"] = new[] { "exp-1" },
            ["rollbackConditions"] = new[] { new { metric = "error.rate", comparison = "absolute", limit = 0.1, windows = 1, minSamples = 10 } },
        }, 201);
        var version = (await Host.Post("/api/deployments/default/versions",
            new Dictionary<string, object> { ["parameters"] = new Dictionary<string, object> { ["retrieval.top_k"] = 3 }, ["reason"] = "rec-errors", ["recommendationId"] = "rec-errors" }, 201))!["configVersion"]!.GetValue<int>();
        await Host.Post($"/api/deployments/default/versions/{version}/activate", new { reason = "rec-errors", recommendationId = "rec-errors" }, 200);
        var first = await Host.ActivationWindowAsync("default", 1);
        await Host.InsertAsync(Figure(version, first, "error.rate", 20, 4));
        await WaitUntilAsync(first.AddSeconds(1));

        var report = await Host.PostWithoutBody(Evaluate, 200);

        Assert.Equal(("rolledBack", "rec-errors:error.rate"), (report!["action"]!.GetValue<string>(), report["rule"]!.GetValue<string>()));
        var armed = Assert.Single(await Events<ActivationRulesArmed>());
        Assert.Equal((2, version, "rec-errors"), (armed.Activation, armed.ConfigVersion, armed.RecommendationId));
        var rollback = Assert.Single(await Events<ConfigRolledBack>());
        Assert.Equal(0.2, Assert.Single(rollback.Evidence!.Windows).Mean);
        Assert.Contains("recommendation rec-errors", rollback.Reason, StringComparison.Ordinal);
        var rules = await Host.Get("/api/deployments/default/rules");
        Assert.Equal("rec-errors:error.rate", rules!["armed"]!["rules"]![0]!["name"]!.GetValue<string>());
    }

    private const string DegradationRuleEvaluatorBy = SelfLearn.Agents.Teacher.Online.DegradationRuleEvaluator.By;

    /// <summary>Sets the rule, activates version 2 and writes its two whole windows (and the baseline), then waits for them to end.</summary>
    private async Task<(int Version, DateTimeOffset First)> BadVersionActive(long runsPerWindow, long errorsPerWindow, bool pin = false)
    {
        await Host.Put("/api/deployments/default/rules/errors",
            new { metric = "error.rate", maxDrop = 0.5, windows = 2, minSamples = 10, reason = "errors must not climb" }, 200);
        var version = await Host.CreateAndActivate("retrieval.top_k", 3);
        if (pin)
        {
            await using var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
            session.Events.Append("default", new VersionPinned("default", version, "hold it", "test"));
            await session.SaveChangesAsync();
        }
        var first = await Host.ActivationWindowAsync("default", 1);
        await Host.InsertAsync(
            Figure(1, first.AddSeconds(-1), "error.rate", 100, 4),
            Figure(version, first, "error.rate", runsPerWindow, errorsPerWindow),
            Figure(version, first.AddSeconds(1), "error.rate", runsPerWindow, errorsPerWindow));
        await WaitUntilAsync(first.AddSeconds(2));
        return (version, first);
    }

    private async Task<IReadOnlyList<T>> Events<T>() where T : class
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryRawEventDataOnly<T>().ToListAsync();
    }

    private async Task<Deployment> Deployment()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<Deployment>("default"))!;
    }
}
