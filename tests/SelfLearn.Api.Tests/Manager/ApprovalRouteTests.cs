using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Manager;

public sealed class ApprovalRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Prompt = "generation.system_prompt_version";

    [Fact]
    public async Task An_approval_is_requested_for_a_recommendation_queued_then_approved_once()
    {
        await Host.RecordRecommendation("rec-prompt", Prompt, "answer-v1", "answer-v2");
        var before = await Host.EventCount();

        var requested = await Host.Post("/api/approvals", new { recommendationId = "rec-prompt", reason = "a prompt change is a product decision" }, 201);

        Assert.Equal(before + 1, await Host.EventCount());
        var id = requested!["approvalId"]!.GetValue<string>();
        Assert.Equal(("pending", "rec-prompt", "default", 1), (requested["status"]!.GetValue<string>(), requested["recommendationId"]!.GetValue<string>(),
            requested["deploymentId"]!.GetValue<string>(), requested["baseVersion"]!.GetValue<int>()));
        Assert.Equal("""{"generation.system_prompt_version":"answer-v2"}""", requested["changes"]!.ToJsonString());
        Assert.Equal([id], (await Host.Get("/api/approvals?status=pending"))!.AsArray().Select(a => a!["approvalId"]!.GetValue<string>()));

        var approved = await Host.Post($"/api/approvals/{id}/approve", new { reason = "the evidence holds" }, 200);

        Assert.Equal(("approved", "the evidence holds"), (approved!["status"]!.GetValue<string>(), approved["decisionReason"]!.GetValue<string>()));
        Assert.StartsWith("meta-user#", approved["decidedBy"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await Host.Get("/api/approvals?status=pending"))!.AsArray());
        Assert.Equal(approved.ToJsonString(), (await Host.Get($"/api/approvals/{id}"))!.ToJsonString());
    }

    [Fact]
    public async Task A_second_decision_is_a_409_and_appends_nothing()
    {
        await Host.RecordRecommendation("rec-prompt", Prompt, "answer-v1", "answer-v2");
        var id = await Host.RequestApproval("rec-prompt");
        await Host.Post($"/api/approvals/{id}/decline", new { reason = "not now" }, 200);
        var before = await Host.EventCount();

        var problem = await Host.Post($"/api/approvals/{id}/approve", new { reason = "changed my mind" }, 409);
        await Host.Post($"/api/approvals/{id}/decline", new { reason = "again" }, 409);

        Assert.StartsWith($"approval '{id}' is already declined (by meta-user#", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task An_auditor_cannot_request_approve_or_decline_but_can_read_the_queue()
    {
        await Host.RecordRecommendation("rec-prompt", Prompt, "answer-v1", "answer-v2");
        var id = await Host.RequestApproval("rec-prompt");
        var before = await Host.EventCount();

        await Host.Post($"/api/approvals/{id}/approve", new { reason = "I audit" }, 403, Keys.Auditor);
        await Host.Post($"/api/approvals/{id}/decline", new { reason = "I audit" }, 403, Keys.Auditor);
        await Host.Post("/api/approvals", new { recommendationId = "rec-prompt", reason = "r" }, 403, Keys.Auditor);
        await Host.Post($"/api/approvals/{id}/approve", new { reason = "I serve" }, 403, Keys.Service);

        Assert.Equal(before, await Host.EventCount());
        Assert.Equal("pending", (await Host.Get($"/api/approvals/{id}", key: Keys.Auditor))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_requests_are_4xx_and_append_nothing()
    {
        await Host.RecordRecommendation("rec-prompt", Prompt, "answer-v1", "answer-v2");
        var id = await Host.RequestApproval("rec-prompt");
        var before = await Host.EventCount();

        var unknown = await Host.Post("/api/approvals", new { recommendationId = "rec-nowhere", reason = "r" }, 400);
        Assert.Equal("unknown-recommendation", unknown!["violations"]![0]!["rule"]!.GetValue<string>());
        await Host.Post("/api/approvals", new { recommendationId = "rec-prompt" }, 400);
        var second = await Host.Post("/api/approvals", new { recommendationId = "rec-prompt", reason = "again" }, 409);
        Assert.Equal($"recommendation 'rec-prompt' already has approval '{id}' (pending).", second!["detail"]!.GetValue<string>());
        await Host.Post($"/api/approvals/{id}/approve", new { reason = " " }, 400);
        await Host.Post("/api/approvals/appr-made-up/approve", new { reason = "r" }, 404);
        await Host.Get("/api/approvals/appr-made-up", 404);
        await Host.Get("/api/approvals?status=granted", 400);

        Assert.Equal(before, await Host.EventCount());
    }
}
