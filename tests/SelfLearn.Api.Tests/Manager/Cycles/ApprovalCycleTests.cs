using System.Text.Json.Nodes;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Manager.Approvals;
using Wolverine.Tracking;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Manager.Cycles;

/// <summary>
/// A change the autonomy policy keeps from the loop waits for a real approval (GET /api/approvals): approved through
/// POST /api/approvals/{id}/approve, the tested version is activated with the approval in its links and the approval is
/// used; declined, nothing changes; once the cycle has ended its approval can no longer be decided.
/// </summary>
public sealed class ApprovalCycleTests(ApprovalCycleApp app) : IClassFixture<ApprovalCycleApp>, IAsyncLifetime
{
    private const string AlwaysApprove = "the autonomy policy says a change to retrieval.top_k always needs an approval.";

    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task SetPolicy(string[] alwaysApprove, int maxActivations = 3) =>
        Host.Put("/api/deployments/default/autonomy", new
        {
            autonomous = new object[] { new { key = alwaysApprove.Length == 0 ? "retrieval.top_k" : "retrieval.fusion" } },
            alwaysApprove,
            activations = new { max = maxActivations, periodHours = 24 },
            reason = "the cycle's tests",
        }, 200);

    private async Task<(string Id, int TopK1, int Treatment, string ApprovalId)> CycleAwaitingApproval(string[] factors, string reason)
    {
        var topK1 = await Host.CreateAndActivate("retrieval.top_k", 1);
        var id = await Host.StartAndWait(Goal(["retrieval.top_k"]));
        Assert.Equal(["CycleStarted", "CyclePlanned", "VariantsPrepared", "ExperimentRan", "ExperimentEvaluated", "RecommendationsRecorded",
            "ChangeAwaitingApproval"], await Host.CycleEvents(id));
        var cycle = (await Host.Get($"/api/cycles/{id}"))!;
        var change = cycle["change"]!;
        Assert.Equal(("awaiting-approval", "awaiting-approval", $"apr-{id}", reason),
            (cycle["status"]!.GetValue<string>(), change["kind"]!.GetValue<string>(), change["approvalId"]!.GetValue<string>(), change["reason"]!.GetValue<string>()));
        Assert.Equal(topK1, (await Host.Get("/api/deployments/default/config", key: Keys.Service))!["configVersion"]!.GetValue<int>());

        var pending = (await Host.Get("/api/approvals?status=pending"))!.AsArray();
        var approval = Assert.Single(pending)!;
        Assert.Equal(($"apr-{id}", id, change["recommendationId"]!.GetValue<string>(), """{"retrieval.top_k":2}""", $"cycle {id}: {reason}"),
            (approval["approvalId"]!.GetValue<string>(), approval["cycleId"]!.GetValue<string>(), approval["recommendationId"]!.GetValue<string>(),
                approval["changes"]!.ToJsonString(), approval["reason"]!.GetValue<string>()));
        Assert.Equal(factors, (await CycleEventData<Domain.Manager.Cycles.ChangeAwaitingApproval>(id)).Factors);
        return (id, topK1, change["configVersion"]!.GetValue<int>(), $"apr-{id}");
    }

    [Fact]
    public async Task A_change_needing_approval_waits_through_a_pause_and_is_activated_once_approved_through_the_route()
    {
        await SetPolicy(["retrieval.top_k"]);
        var (id, _, treatment, approvalId) = await CycleAwaitingApproval(["retrieval.top_k"], AlwaysApprove);

        await Host.PostWithoutBody($"/api/cycles/{id}/pause", 200);
        await PostAndWait($"/api/approvals/{approvalId}/approve", new { reason = "checked the evidence" }, 200);
        Assert.Equal("CyclePaused", (await Host.CycleEvents(id))[^1]);
        await Host.PostAndWait($"/api/cycles/{id}/resume", 200);

        Assert.Equal(["ChangeAwaitingApproval", "CyclePaused", "CycleResumed", "ChangeActivated", "CycleReported", "CycleCompleted"], (await Host.CycleEvents(id)).Skip(6));
        var config = (await Host.Get("/api/deployments/default/config", key: Keys.Service))!;
        Assert.Equal((treatment, 2), (config["configVersion"]!.GetValue<int>(), config["parameters"]!["retrieval.top_k"]!.GetValue<int>()));
        var links = (await Host.Get("/api/deployments/default/change-log?factor=retrieval.top_k"))!.AsArray()[0]!["links"]!;
        var cycle = (await Host.Get($"/api/cycles/{id}"))!;
        Assert.Equal(("goal-recall", $"{id}-e1", cycle["change"]!["recommendationId"]!.GetValue<string>(), approvalId),
            (links["goalId"]!.GetValue<string>(), links["experimentId"]!.GetValue<string>(), links["recommendationId"]!.GetValue<string>(), links["approvalId"]!.GetValue<string>()));
        Assert.Equal("activated", cycle["outcome"]!.GetValue<string>());
        var approval = (await Host.Get($"/api/approvals/{approvalId}"))!;
        Assert.Equal(("used", treatment, "activate-version"),
            (approval["status"]!.GetValue<string>(), approval["use"]!["configVersion"]!.GetValue<int>(), approval["use"]!["usedFor"]!.GetValue<string>()));
        Assert.Single(await ApprovalEvents<ApprovalUsed>(approvalId));
    }

    [Fact]
    public async Task A_declined_change_is_not_activated_and_the_cycle_says_why()
    {
        await SetPolicy(["retrieval.top_k"]);
        var (id, topK1, _, approvalId) = await CycleAwaitingApproval(["retrieval.top_k"], AlwaysApprove);

        await PostAndWait($"/api/approvals/{approvalId}/decline", new { reason = "not before the release" }, 200);

        Assert.Equal(["ChangeAwaitingApproval", "NoChange", "CycleReported", "CycleCompleted"], (await Host.CycleEvents(id)).Skip(6));
        Assert.Equal(topK1, (await Host.Get("/api/deployments/default/config", key: Keys.Service))!["configVersion"]!.GetValue<int>());
        var cycle = (await Host.Get($"/api/cycles/{id}"))!;
        var recommendation = cycle["change"]!["recommendationId"]!.GetValue<string>();
        var approval = (await Host.Get($"/api/approvals/{approvalId}"))!;
        var by = approval["decidedBy"]!.GetValue<string>();
        Assert.StartsWith("meta-user#", by, StringComparison.Ordinal);
        Assert.Equal(("none", $"approval {approvalId} of {recommendation} was declined by {by}: not before the release"),
            (cycle["outcome"]!.GetValue<string>(), cycle["change"]!["reason"]!.GetValue<string>()));
        Assert.Equal("declined", approval["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_approval_of_a_stopped_cycle_can_be_neither_approved_nor_declined()
    {
        await SetPolicy(["retrieval.top_k"]);
        var (id, topK1, _, approvalId) = await CycleAwaitingApproval(["retrieval.top_k"], AlwaysApprove);
        await Host.PostAndWait($"/api/cycles/{id}/stop", 200);
        var before = await Host.EventCount();

        var approve = await PostAndWait($"/api/approvals/{approvalId}/approve", new { reason = "checked the evidence" }, 409);
        var decline = await PostAndWait($"/api/approvals/{approvalId}/decline", new { reason = "too late" }, 409);

        var why = $"approval '{approvalId}' was asked for by cycle '{id}', which is stopped: nothing waits for the decision.";
        Assert.Equal((why, why), (approve!["detail"]!.GetValue<string>(), decline!["detail"]!.GetValue<string>()));
        Assert.Equal(before, await Host.EventCount());
        Assert.Equal("pending", (await Host.Get($"/api/approvals/{approvalId}"))!["status"]!.GetValue<string>());
        Assert.Equal(topK1, (await Host.Get("/api/deployments/default/config", key: Keys.Service))!["configVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task With_the_periods_activations_used_up_the_cycle_asks_for_an_approval_and_activates_once_approved()
    {
        // Opening the deployment and CreateAndActivate are the period's two activations: the policy allows two.
        await SetPolicy([], maxActivations: 2);
        var (id, _, treatment, approvalId) = await CycleAwaitingApproval(["activations"],
            "2 activations in the last 24 h: the policy allows 2 without an approval.");

        await PostAndWait($"/api/approvals/{approvalId}/approve", new { reason = "worth a third one today" }, 200);

        Assert.Equal(["ChangeAwaitingApproval", "ChangeActivated", "CycleReported", "CycleCompleted"], (await Host.CycleEvents(id)).Skip(6));
        Assert.Equal(treatment, (await Host.Get("/api/deployments/default/config", key: Keys.Service))!["configVersion"]!.GetValue<int>());
        Assert.Equal("used", (await Host.Get($"/api/approvals/{approvalId}"))!["status"]!.GetValue<string>());
    }

    private async Task<JsonNode?> PostAndWait(string url, object body, int status)
    {
        JsonNode? answer = null;
        await Host.TrackActivity().Timeout(TimeSpan.FromMinutes(10)).IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => answer = await Host.Post(url, body, status)));
        return answer;
    }

    private async Task<T> CycleEventData<T>(string cycleId)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(Domain.Manager.Cycles.Cycle.StreamKey(cycleId))).Select(e => e.Data).OfType<T>().Single();
    }

    private async Task<IReadOnlyList<T>> ApprovalEvents<T>(string approvalId)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.FetchStreamAsync(Approval.StreamKey(approvalId))).Select(e => e.Data).OfType<T>()];
    }
}
