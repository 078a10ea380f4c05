using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager;
using SelfLearn.Web.Journal;

namespace SelfLearn.Api.Tests.Web.Journal;

public sealed class JournalPageTests(AppFixture fixture) : PageTest(fixture)
{

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Filtering_by_goal_lists_the_goals_rows_as_the_api_serves_them_each_with_its_anchor_and_links()
    {
        await Host.StateGoal("goal-a", "raise recall");
        await Host.GoalStep("goal-a", "confirm");
        await Host.StateGoal("goal-b", "raise recall");
        var expected = (await Host.Get("/api/journal?goalId=goal-a"))!.AsArray();
        var everything = (await Host.Get("/api/journal"))!.AsArray();
        var page = RenderPage<JournalPage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);
        Assert.Equal(everything.Count, page.FindAll("tr[data-sequence]").Count);

        await page.Type("form input", "goal-a");
        await page.SubmitForm();
        page.WaitForAssertion(() => Assert.Equal(expected.Count, page.FindAll("tr[data-sequence]").Count), TimeSpan.FromSeconds(30));

        Assert.EndsWith("/journal?goalId=goal-a", CurrentUri, StringComparison.Ordinal);
        Assert.Equal(expected.Select(r => $"seq-{r!["sequence"]}"), page.FindAll("tr[data-sequence]").Select(r => r.Id));
        foreach (var entry in expected)
        {
            var row = page.Find($"tr#seq-{entry!["sequence"]}");
            Assert.Equal($"/journal?goalId=goal-a#seq-{entry["sequence"]}", row.QuerySelector("td:first-child a")!.GetAttribute("href"));
            Assert.Equal("/goals/goal-a", row.QuerySelector("[data-cell=subject] a")!.GetAttribute("href"));
            Assert.Contains(entry["summary"]!.GetValue<string>(), row.TextContent, StringComparison.Ordinal);
            Assert.Contains(entry["event"]!.GetValue<string>(), row.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Paging_by_from_shows_the_next_rows_and_activations_link_to_their_deployment()
    {
        foreach (var topK in new[] { 3, 4, 5 })
            await Host.CreateAndActivate("retrieval.top_k", topK);
        var first = (await Host.Get("/api/journal?limit=2"))!.AsArray();
        var next = Text(first[^1]!["sequence"]!.GetValue<long>() + 1);
        var second = (await Host.Get($"/api/journal?from={next}&limit=2"))!.AsArray();
        var page = RenderPage<JournalPage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);

        NavigateTo("/journal?limit=2");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr[data-sequence]").Count), TimeSpan.FromSeconds(30));
        Assert.Equal(first.Select(r => $"seq-{r!["sequence"]}"), page.FindAll("tr[data-sequence]").Select(r => r.Id));
        var nextLink = page.Find("[data-testid=next-page]").GetAttribute("href")!;
        Assert.Equal($"/journal?from={next}&limit=2", nextLink);

        NavigateTo(nextLink);
        page.WaitForAssertion(() => Assert.Equal(second.Select(r => $"seq-{r!["sequence"]}"), page.FindAll("tr[data-sequence]").Select(r => r.Id)),
            TimeSpan.FromSeconds(30));
        var activation = second.First(r => r!["kind"]!.GetValue<string>() == "activation")!;
        Assert.Equal("/deployments/default", page.Find($"tr#seq-{activation["sequence"]} [data-cell=subject] a").GetAttribute("href"));
        Assert.Equal("/journal?limit=2", page.Find("[data-testid=first-page]").GetAttribute("href"));
    }

    [Fact]
    public async Task An_unknown_goal_shows_the_apis_problem_text()
    {
        var detail = (await Host.Get("/api/journal?goalId=nope", 404))!["detail"]!.GetValue<string>();
        var page = RenderPage<JournalPage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);

        NavigateTo("/journal?goalId=nope");
        page.WaitForAssertion(() => Assert.EndsWith(detail, page.Find("[data-testid=problem]").TextContent.Trim(), StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.Empty(page.FindAll("tr[data-sequence]"));
    }
}
