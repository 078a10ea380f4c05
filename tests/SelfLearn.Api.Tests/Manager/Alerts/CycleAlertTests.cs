using Alba;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Manager.Cycles;
using SelfLearn.Api.Tests.Experiments;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager.Cycles;
using Wolverine.Tracking;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Manager.Alerts;

/// <summary>A cycle app whose MaaS can be broken for a test, so a cycle's experiment fails for real.</summary>
public sealed class AlertCycleApp : CycleApp
{
    public bool BreakQueries { get; set; }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddTransient<IMaasClient>(sp =>
        {
            var server = (TestServer)sp.GetRequiredService<IServer>();
            var http = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };
            http.DefaultRequestHeaders.Add("X-Api-Key", Keys.Service);
            var client = new HttpMaasClient(http);
            return BreakQueries ? new FailingOnFirstQuery(client) : client;
        });
}

/// <summary>A failed cycle and a cycle waiting for a person each raise one alert, with the step's events; a redelivered step raises none.</summary>
public sealed class CycleAlertTests(AlertCycleApp app) : IClassFixture<AlertCycleApp>, IAsyncLifetime
{
    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync()
    {
        app.BreakQueries = false;
        await Host.ResetForTestAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_cycle_whose_experiment_fails_raises_one_cycleFailed_alert_and_a_redelivered_step_raises_none()
    {
        app.BreakQueries = true;
        await Host.CreateAndActivate("retrieval.top_k", 1);
        var id = await Host.StartAndWait(Goal(["retrieval.top_k"]));
        Assert.Equal("CycleFailed", (await Host.CycleEvents(id))[^1]);
        var failure = (await Host.Get($"/api/cycles/{id}"))!["failureReason"]!.GetValue<string>();

        var alert = Assert.Single((await Host.Get("/api/alerts?state=all"))!.AsArray())!;
        Assert.Equal(($"cycle-failed-{id}", "cycleFailed", "default", id, $"cycle {id} failed at {failure}", "open", "system:manager"),
            (alert["alertId"]!.GetValue<string>(), alert["kind"]!.GetValue<string>(), alert["deploymentId"]!.GetValue<string>(), alert["subject"]!.GetValue<string>(),
                alert["message"]!.GetValue<string>(), alert["state"]!.GetValue<string>(), alert["raisedBy"]!.GetValue<string>()));
        Assert.Equal(id, alert["evidence"]!["cycleId"]!.GetValue<string>());

        var before = await Host.EventCount();
        await Host.InvokeMessageAndWaitAsync(new RunCycleExperiment(id, $"{id}-e1"));
        Assert.Equal(before, await Host.EventCount());
        Assert.Single((await Host.Get("/api/alerts?state=all"))!.AsArray());
    }

    [Fact]
    public async Task A_cycle_waiting_for_an_approval_raises_one_awaitingApproval_alert_naming_the_approval()
    {
        await Host.Put("/api/deployments/default/autonomy", new
        {
            autonomous = new object[] { new { key = "retrieval.fusion" } },
            alwaysApprove = new[] { "retrieval.top_k" },
            activations = new { max = 3, periodHours = 24 },
            reason = "top_k needs a person",
        }, 200);
        await Host.CreateAndActivate("retrieval.top_k", 1);
        var id = await Host.StartAndWait(Goal(["retrieval.top_k"]));
        Assert.Equal("ChangeAwaitingApproval", (await Host.CycleEvents(id))[^1]);
        var change = (await Host.Get($"/api/cycles/{id}"))!["change"]!;

        var alert = Assert.Single((await Host.Get("/api/alerts?kind=awaitingApproval"))!.AsArray())!;
        Assert.Equal(($"awaiting-approval-apr-{id}", "default", id, $"apr-{id}", change["configVersion"]!.GetValue<int>()),
            (alert["alertId"]!.GetValue<string>(), alert["deploymentId"]!.GetValue<string>(), alert["subject"]!.GetValue<string>(),
                alert["evidence"]!["approvalId"]!.GetValue<string>(), alert["evidence"]!["configVersion"]!.GetValue<int>()));
        Assert.Empty((await Host.Get("/api/alerts?state=all&kind=cycleFailed"))!.AsArray());
    }
}
