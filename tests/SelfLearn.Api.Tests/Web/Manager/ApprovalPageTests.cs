using Bunit;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Web.Manager.Approvals;

namespace SelfLearn.Api.Tests.Web.Manager;

public sealed class ApprovalPageTests(AppFixture fixture) : PageTest(fixture)
{
    private async Task PendingApproval()
    {
        await Host.Post("/api/recommendations", new
        {
            id = "rec-page",
            changes = new[] { new { key = "retrieval.top_k", from = 5, to = 9 } },
            expectedEffect = new Dictionary<string, string> { ["retrieval.recall@10"] = "up" },
            reason = "more items lift recall",
            evidence = new[] { "exp-page" },
            rollbackConditions = new[] { new { metric = "retrieval.recall@10", maxDrop = 0.05, windows = 2 } },
        }, 201);
        await Host.Post("/api/approvals", new { id = "appr-page", recommendationId = "rec-page", reason = "top_k needs a person" }, 201);
    }

    [Fact]
    public async Task Shows_the_exact_change_set_with_its_evidence_and_declines_it_with_the_reason_given()
    {
        await PendingApproval();
        var page = RenderPage<ApprovalPage>(p => p.Add(a => a.ApprovalId, "appr-page"));
        WaitUntilLoaded(page);

        var row = page.Find("[data-testid=change-set] tr[data-factor='retrieval.top_k']").QuerySelectorAll("td");
        Assert.Equal(["retrieval.top_k", "5", "9"], row.Select(c => c.TextContent.Trim()));
        Assert.Contains("more items lift recall", page.Find("[data-testid=recommendation-reason]").TextContent, StringComparison.Ordinal);

        await page.Type("input", "not this week");
        await page.ClickButton("Decline");

        page.WaitForAssertion(() => Assert.Equal("declined", page.Find("[data-testid=approval-status]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        var approval = (await Host.Get("/api/approvals/appr-page"))!;
        Assert.Equal(("declined", "not this week"), (approval["status"]!.GetValue<string>(), approval["decisionReason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Approving_without_a_reason_shows_the_apis_problem_and_decides_nothing()
    {
        await PendingApproval();
        var events = await Host.EventCount();
        var page = RenderPage<ApprovalPage>(p => p.Add(a => a.ApprovalId, "appr-page"));
        WaitUntilLoaded(page);

        await page.ClickButton("Approve");

        var problem = page.WaitForElement("[data-testid=action-problem]", TimeSpan.FromSeconds(30));
        var refusal = (await Host.Post("/api/approvals/appr-page/approve", new { }, 400))!;
        Assert.StartsWith(refusal["title"]!.GetValue<string>(), problem.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(events, await Host.EventCount());
        Assert.Equal("pending", (await Host.Get("/api/approvals/appr-page"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_auditor_sees_the_pending_approval_but_no_control_to_decide_it()
    {
        await PendingApproval();
        var page = RenderPage<ApprovalPage>(p => p.Add(a => a.ApprovalId, "appr-page"), Keys.Auditor, "auditor");
        WaitUntilLoaded(page);

        Assert.Equal("pending", page.Find("[data-testid=approval-status]").TextContent.Trim());
        Assert.Empty(page.FindAll("button"));
        Assert.Empty(page.FindAll("input"));
    }
}
