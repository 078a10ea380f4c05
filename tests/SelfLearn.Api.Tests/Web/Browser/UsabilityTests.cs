using Microsoft.Playwright;

namespace SelfLearn.Api.Tests.Web.Browser;

/// <summary>Roles, keyboard, a narrow window and times in the viewer's zone, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UsabilityTests(BrowserApp app)
{
    private static readonly string[] WriteButtons =
        ["State the goal", "Confirm the formal goal", "Start a cycle", "Approve", "Decline", "Pause", "Resume", "Stop"];

    [Fact]
    public async Task An_auditor_reads_every_page_and_sees_no_write_control()
    {
        var page = await app.SignedInPageAsync(BrowserApp.AuditorKey);
        Assert.StartsWith("auditor#", (await page.GetByTestId("signed-in-as").TextContentAsync())!, StringComparison.Ordinal);

        foreach (var path in new[] { "/", "/goals", "/cycles", "/approvals", "/deployments/default" })
        {
            await page.GotoAsync(path);
            await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
            await page.Locator("[aria-label=Loading]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            foreach (var name in WriteButtons)
                Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).CountAsync());
        }
        await page.GotoAsync("/goals");
        await page.GetByTestId("goals").Or(page.GetByTestId("empty")).First.WaitForAsync();
        Assert.Equal(0, await page.GetByLabel("Goal in plain words").CountAsync());
        await BrowserApp.ScreenshotAsync(page, "goals-auditor");
    }

    [Fact]
    public async Task The_pages_are_reached_with_the_keyboard_alone()
    {
        var page = await app.SignedInPageAsync(BrowserApp.MetaUserKey);

        for (var presses = 0; presses < 30; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("document.activeElement?.textContent?.trim() ?? ''") == "Configuration history")
                break;
        }
        await page.Keyboard.PressAsync("Enter");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Configuration history", Level = 1 }).WaitForAsync();
        Assert.EndsWith("/deployments", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_narrow_window_hides_the_menu_behind_a_button_and_nothing_scrolls_sideways()
    {
        var page = await app.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/");
        await page.GetByLabel("API key").FillAsync(BrowserApp.MetaUserKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 }).WaitForAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Goals" })).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Goals" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Goals", Level = 1 }).WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the page is wider than a 390-pixel window");
        await BrowserApp.ScreenshotAsync(page, "goals-narrow");
    }

    [Fact]
    public async Task Times_are_shown_in_the_viewers_time_zone()
    {
        var page = await app.SignedInPageAsync(BrowserApp.MetaUserKey, timeZone: "Asia/Tokyo");
        await page.GotoAsync("/deployments/default");

        var time = page.GetByTestId("activations").Locator("time").First;
        await time.WaitForAsync();
        var utc = DateTimeOffset.Parse((await time.GetAttributeAsync("datetime"))!, System.Globalization.CultureInfo.InvariantCulture);
        var tokyo = utc.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(time).ToHaveTextAsync(tokyo);
    }

    [Fact]
    public async Task A_raw_link_shows_the_apis_json_to_a_signed_in_person_and_sends_anyone_else_to_sign_in()
    {
        var page = await app.SignedInPageAsync(BrowserApp.AuditorKey);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", BrowserApp.AuditorKey);
        var expected = await http.GetStringAsync("/api/deployments/default/activations");

        var response = await page.GotoAsync("/raw/api/deployments/default/activations");
        Assert.Equal((200, expected), (response!.Status, await response.TextAsync()));

        var stranger = await app.NewPageAsync();
        await stranger.GotoAsync("/raw/api/deployments/default/activations");
        Assert.EndsWith("/sign-in", new Uri(stranger.Url).AbsolutePath, StringComparison.Ordinal);
    }
}
