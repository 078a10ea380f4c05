using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace SelfLearn.Api.Tests.Web.Browser;

/// <summary>
/// The issue's "done when", in a real browser: sign in with the development key, state a goal, run a learning cycle,
/// approve its recommendation, and watch the active configuration, its history and the why-chain change; then travel
/// back to the moment before the change. Every expected figure is read from the API, not from the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LearningCycleInTheBrowserTests(BrowserApp app)
{
    private const string GoalWords = "raise delivered recall above 0.9, only change top_k, within 1 experiment, 24 dialogs";

    [Fact]
    public async Task A_meta_user_states_a_goal_runs_a_cycle_approves_its_change_and_sees_the_configuration_and_its_history_change()
    {
        var before = await ApiGet("/api/deployments/default/config");
        var page = await app.SignedInPageAsync(BrowserApp.MetaUserKey);

        // The autonomy policy keeps top_k for a person: every change to it waits for an approval.
        await page.GetByRole(AriaRole.Link, new() { Name = "Autonomy and catalog" }).ClickAsync();
        await page.GetByLabel("Always approve").FillAsync("retrieval.top_k");
        await page.GetByLabel("Reason").FillAsync("a person approves every top_k change");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await Expect(page.GetByTestId("always-approve"), "retrieval.top_k");
        var policy = (await ApiGet("/api/deployments/default/autonomy"))!["policy"]!;
        Assert.Equal(["retrieval.top_k"], policy["alwaysApprove"]!.AsArray().Select(f => f!.GetValue<string>()));

        await page.GetByRole(AriaRole.Link, new() { Name = "Goals" }).ClickAsync();
        await page.GetByLabel("Goal in plain words").FillAsync(GoalWords);
        await page.GetByLabel("Goal id (optional)").FillAsync("browser-goal");
        await page.GetByRole(AriaRole.Button, new() { Name = "State the goal" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Goal browser-goal" }).WaitForAsync();
        Assert.Equal("stated", await Text(page.GetByTestId("goal-status")));
        Assert.Equal("retrieval.top_k", await Text(page.GetByTestId("allowed-factors")));
        await BrowserApp.ScreenshotAsync(page, "goal-stated");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the formal goal" }).ClickAsync();
        await Expect(page.GetByTestId("goal-status"), "confirmed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a cycle" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Cycle ") }).WaitForAsync();

        // The page follows the cycle without a reload until it waits for the approval.
        await Expect(page.GetByTestId("cycle-status"), "awaiting-approval", TimeSpan.FromMinutes(4));
        var cycleId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var approval = (await ApiGet("/api/approvals?status=pending"))!.AsArray().Single(a => a!["cycleId"]!.GetValue<string>() == cycleId)!;
        var approvalId = approval["approvalId"]!.GetValue<string>();
        var newTopK = approval["changes"]!["retrieval.top_k"]!.GetValue<int>();
        await BrowserApp.ScreenshotAsync(page, "cycle-awaiting-approval");

        await page.GetByRole(AriaRole.Link, new() { Name = approvalId }).ClickAsync();
        var changeRow = page.GetByTestId("change-set").Locator("tr[data-factor='retrieval.top_k'] td");
        await Expect(changeRow.Nth(1), before!["parameters"]!["retrieval.top_k"]!.ToJsonString());
        Assert.Equal(newTopK.ToString(CultureInfo.InvariantCulture), await Text(changeRow.Nth(2)));
        await page.GetByLabel("Reason for the decision").FillAsync("the evidence holds");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(page.GetByTestId("approval-status"), "approved");
        await BrowserApp.ScreenshotAsync(page, "approval-approved");

        // The active configuration, the timeline and the why-chain follow the activation the approval allowed.
        await page.GotoAsync("/deployments/default");
        var activeVersion = await WaitForActiveVersionAfter(before["configVersion"]!.GetValue<int>());
        await Expect(page.GetByTestId("shown-version"), activeVersion.ToString(CultureInfo.InvariantCulture), TimeSpan.FromSeconds(30));
        Assert.Equal(newTopK.ToString(CultureInfo.InvariantCulture),
            await Text(page.Locator("tr[data-factor='retrieval.top_k'] td").Nth(1)));
        var activations = (await ApiGet("/api/deployments/default/activations"))!.AsArray();
        await Expect(page.GetByTestId("activations").Locator("tbody tr"), activations.Count);
        await BrowserApp.ScreenshotAsync(page, "history-after-approval");

        await page.GetByRole(AriaRole.Link, new() { Name = "retrieval.top_k" }).ClickAsync();
        var activated = page.GetByTestId("why-chain").Locator("tr[data-event='ConfigVersionActivated']").Last;
        await activated.WaitForAsync();
        Assert.Contains(approvalId, await Text(activated), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "why-chain");

        // Time travel: one click on the earlier activation shows the configuration as it was then.
        await page.GoBackAsync();
        var earlier = activations[1]!;
        await page.GetByRole(AriaRole.Button, new() { Name = $"Configuration as of the activation of version {earlier["configVersion"]}" }).ClickAsync();
        await Expect(page.GetByTestId("shown-version"), earlier["configVersion"]!.ToJsonString());
        Assert.Equal(before["parameters"]!["retrieval.top_k"]!.ToJsonString(), await Text(page.Locator("tr[data-factor='retrieval.top_k'] td").Nth(1)));
        await BrowserApp.ScreenshotAsync(page, "time-travel");
    }

    private async Task<int> WaitForActiveVersionAfter(int previous)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var version = (await ApiGet("/api/deployments/default/config"))!["configVersion"]!.GetValue<int>();
            if (version != previous)
                return version;
            await Task.Delay(500);
        }
        throw new TimeoutException("The approved change was not activated.");
    }

    private async Task<JsonNode?> ApiGet(string path)
    {
        using var http = Api(BrowserApp.AuditorKey);
        return await http.GetFromJsonAsync<JsonNode>(path);
    }

    private HttpClient Api(string key)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    private static async Task<string> Text(ILocator locator) => (await locator.TextContentAsync())!.Trim();

    private static Task Expect(ILocator locator, string text, TimeSpan? timeout = null) =>
        Assertions.Expect(locator).ToHaveTextAsync(text, new() { Timeout = (float)(timeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds });

    private static Task Expect(ILocator locator, int count) =>
        Assertions.Expect(locator).ToHaveCountAsync(count, new() { Timeout = 30_000 });
}
