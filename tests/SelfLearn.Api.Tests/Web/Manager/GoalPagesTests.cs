using Bunit;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Web.Manager.Goals;

namespace SelfLearn.Api.Tests.Web.Manager;

public sealed class GoalPagesTests(AppFixture fixture) : PageTest(fixture)
{
    [Fact]
    public async Task A_goal_the_rules_refuse_shows_the_apis_problem_text_and_writes_nothing()
    {
        var events = await Host.EventCount();
        var page = RenderPage<GoalsPage>();
        WaitUntilLoaded(page);

        await page.Type("textarea", "raise happiness above 0.9");
        await page.ClickButton("State the goal");

        var problem = page.WaitForElement("[data-testid=state-problem]", TimeSpan.FromSeconds(30));
        var expected = await ProblemText("raise happiness above 0.9");
        Assert.Equal(expected, problem.TextContent.Trim());
        Assert.Equal(events, await Host.EventCount());
    }

    [Fact]
    public async Task Stating_a_goal_shows_its_formal_form_and_confirming_it_through_the_page_confirms_it_in_the_api()
    {
        var page = RenderPage<GoalsPage>();
        WaitUntilLoaded(page);
        await page.Type("textarea", "raise delivered recall above 0.9, only change top_k, within 2 experiments");
        await page.Type("input[type=text]", "page-goal");
        await page.ClickButton("State the goal");
        page.WaitForAssertion(() => Assert.EndsWith("/goals/page-goal", CurrentUri, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        var goal = RenderPage<GoalPage>(p => p.Add(g => g.GoalId, "page-goal"));
        WaitUntilLoaded(goal);
        var stated = (await Host.Get("/api/goals/page-goal"))!;
        Assert.Equal(stated["formal"]!["allowedFactors"]![0]!.GetValue<string>(), goal.Find("[data-testid=allowed-factors]").TextContent.Trim());
        Assert.Equal($"{stated["formal"]!["budget"]!["experiments"]} experiments, {stated["formal"]!["budget"]!["simulatedDialogs"]} simulated dialogs, {stated["formal"]!["budget"]!["wallTimeMinutes"]} minutes",
            goal.Find("[data-testid=budget]").TextContent.Trim());

        await goal.ClickButton("Confirm the formal goal");
        goal.WaitForAssertion(() => Assert.Equal("confirmed", goal.Find("[data-testid=goal-status]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Equal("confirmed", (await Host.Get("/api/goals/page-goal"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_auditor_reads_a_goal_but_gets_no_control_to_change_it()
    {
        await Host.Post("/api/goals", new { id = "read-only", text = "raise delivered recall above 0.9" }, 201);

        var goal = RenderPage<GoalPage>(p => p.Add(g => g.GoalId, "read-only"), Keys.Auditor, "auditor");
        WaitUntilLoaded(goal);

        Assert.Equal("stated", goal.Find("[data-testid=goal-status]").TextContent.Trim());
        Assert.Empty(goal.FindAll("button"));
    }

    private async Task<string> ProblemText(string words)
    {
        var refusal = (await Host.Post("/api/goals", new { text = words }, 400))!;
        return $"{refusal["title"]!.GetValue<string>()}: {refusal["detail"]!.GetValue<string>()}";
    }
}
