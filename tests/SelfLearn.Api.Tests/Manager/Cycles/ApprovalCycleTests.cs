using Alba;
using SelfLearn.Agents.Manager.Cycles;
using SelfLearn.Api.Tests.Infrastructure;
using Wolverine.Tracking;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Manager.Cycles;

/// <summary>
/// A change the loop may not make alone (here <c>retrieval.top_k</c> is reserved for approval) waits for the meta-user:
/// approved, the tested version is activated with the approval in its links; declined, nothing changes.
/// </summary>
public sealed class ApprovalCycleTests(ApprovalCycleApp app) : IClassFixture<ApprovalCycleApp>, IAsyncLifetime
{
    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<(string Id, int TopK1, int Treatment, string ApprovalId)> CycleAwaitingApproval()
    {
        var topK1 = await Host.CreateAndActivate("retrieval.top_k", 1);
        var id = await Host.StartAndWait(Goal(["retrieval.top_k"]));
        Assert.Equal(["CycleStarted", "CyclePlanned", "VariantsPrepared", "ExperimentRan", "ExperimentEvaluated", "RecommendationsRecorded",
            "ChangeAwaitingApproval"], await Host.CycleEvents(id));
        var cycle = (await Host.Get($"/api/cycles/{id}"))!;
        var change = cycle["change"]!;
        Assert.Equal(("awaiting-approval", "awaiting-approval", $"apr-{id}", "retrieval.top_k may not change without a person's approval."),
            (cycle["status"]!.GetValue<string>(), change["kind"]!.GetValue<string>(), change["approvalId"]!.GetValue<string>(), change["reason"]!.GetValue<string>()));
        Assert.Equal(topK1, (await Host.Get("/api/deployments/default/config", key: Keys.Service))!["configVersion"]!.GetValue<int>());
        return (id, topK1, change["configVersion"]!.GetValue<int>(), $"apr-{id}");
    }

    [Fact]
    public async Task A_change_needing_approval_waits_through_a_pause_and_is_activated_once_approved()
    {
        var (id, _, treatment, approvalId) = await CycleAwaitingApproval();

        await Host.PostWithoutBody($"/api/cycles/{id}/pause", 200);
        await Host.InvokeMessageAndWaitAsync(new ApprovalDecided(approvalId, id, Approved: true));
        Assert.Equal("CyclePaused", (await Host.CycleEvents(id))[^1]);
        Assert.Equal("awaiting-approval", (await Host.PostAndWait($"/api/cycles/{id}/resume", 200))!["status"]!.GetValue<string>());
        var before = await Host.EventCount();
        await Host.InvokeMessageAndWaitAsync(new ApprovalDecided("apr-other", id, Approved: true));
        Assert.Equal(before, await Host.EventCount());

        await Host.InvokeMessageAndWaitAsync(new ApprovalDecided(approvalId, id, Approved: true));

        Assert.Equal(["ChangeAwaitingApproval", "CyclePaused", "CycleResumed", "ChangeActivated", "CycleReported", "CycleCompleted"], (await Host.CycleEvents(id)).Skip(6));
        var config = (await Host.Get("/api/deployments/default/config", key: Keys.Service))!;
        Assert.Equal((treatment, 2), (config["configVersion"]!.GetValue<int>(), config["parameters"]!["retrieval.top_k"]!.GetValue<int>()));
        var links = (await Host.Get("/api/deployments/default/change-log?factor=retrieval.top_k"))!.AsArray()[0]!["links"]!;
        var cycle = (await Host.Get($"/api/cycles/{id}"))!;
        Assert.Equal(("goal-recall", $"{id}-e1", cycle["change"]!["recommendationId"]!.GetValue<string>(), approvalId),
            (links["goalId"]!.GetValue<string>(), links["experimentId"]!.GetValue<string>(), links["recommendationId"]!.GetValue<string>(), links["approvalId"]!.GetValue<string>()));
        Assert.Equal("activated", cycle["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_declined_change_is_not_activated_and_the_cycle_says_so()
    {
        var (id, topK1, _, approvalId) = await CycleAwaitingApproval();

        await Host.InvokeMessageAndWaitAsync(new ApprovalDecided(approvalId, id, Approved: false, By: "meta-user#test"));

        Assert.Equal(["ChangeAwaitingApproval", "NoChange", "CycleReported", "CycleCompleted"], (await Host.CycleEvents(id)).Skip(6));
        Assert.Equal(topK1, (await Host.Get("/api/deployments/default/config", key: Keys.Service))!["configVersion"]!.GetValue<int>());
        var cycle = (await Host.Get($"/api/cycles/{id}"))!;
        var recommendation = cycle["change"]!["recommendationId"]!.GetValue<string>();
        Assert.Equal(("none", $"approval {approvalId} of {recommendation} was declined by meta-user#test."),
            (cycle["outcome"]!.GetValue<string>(), cycle["change"]!["reason"]!.GetValue<string>()));
    }
}
