using Alba;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Manager;

/// <summary>Real approvals through the routes: a recommendation recorded, an approval requested for it and decided.</summary>
public static class ApprovalSteps
{
    /// <summary>Records a recommendation changing one factor of the deployment's active version.</summary>
    public static Task<System.Text.Json.Nodes.JsonNode?> RecordRecommendation(
        this IAlbaHost host, string id, string key, object from, object to, string deployment = "default") =>
        host.Post("/api/recommendations", new Dictionary<string, object?>
        {
            ["id"] = id,
            ["deploymentId"] = deployment,
            ["changes"] = new[] { new { key, from, to } },
            ["expectedEffect"] = new Dictionary<string, string> { ["retrieval.delivered_precision"] = "up" },
            ["reason"] = $"{key} {from} → {to}",
            ["evidence"] = new[] { "exp-1" },
            ["rollbackConditions"] = new[] { new { metric = "retrieval.delivered_precision", maxDrop = 0.1, windows = 3 } },
        }, 201);

    /// <summary>Requests an approval for a recorded recommendation; returns its id.</summary>
    public static async Task<string> RequestApproval(this IAlbaHost host, string recommendationId) =>
        (await host.Post("/api/approvals", new { recommendationId, reason = "manual zone" }, 201))!["approvalId"]!.GetValue<string>();

    /// <summary>A recommendation, an approval requested for it and approved by the meta-user; returns the approval id.</summary>
    public static async Task<string> ApprovedChange(this IAlbaHost host, string recommendationId, string key, object from, object to, string deployment = "default")
    {
        await host.RecordRecommendation(recommendationId, key, from, to, deployment);
        var approvalId = await host.RequestApproval(recommendationId);
        await host.Post($"/api/approvals/{approvalId}/approve", new { reason = "checked the evidence" }, 200);
        return approvalId;
    }
}
