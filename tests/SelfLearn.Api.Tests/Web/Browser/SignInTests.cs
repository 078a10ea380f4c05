using Microsoft.Playwright;

namespace SelfLearn.Api.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserApp app)
{
    [Fact]
    public async Task A_meta_user_signs_in_with_the_development_key_and_lands_on_the_overview()
    {
        var page = await app.SignedInPageAsync(BrowserApp.MetaUserKey);

        Assert.StartsWith("meta-user#", await page.GetByTestId("signed-in-as").TextContentAsync(), StringComparison.Ordinal);
        await page.GetByTestId("deployment-default").WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, "overview-meta-user");
    }

    [Fact]
    public async Task A_service_key_cannot_sign_in_and_is_told_why()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("API key").FillAsync(BrowserApp.ServiceKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Equal("A service key cannot sign in: it serves the memory service only. Use a meta-user or auditor key.", (await alert.TextContentAsync())!.Trim());
        Assert.EndsWith("/sign-in", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev-meta\u0000user-key", 400)]
    [InlineData("two words", 200)]
    [InlineData("", 200)]
    public async Task Text_that_cannot_be_a_key_is_refused_and_signs_nobody_in(string text, int status)
    {
        var key = text.Length == 0 ? new string('k', 201) : text;
        var cookies = new System.Net.CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var form = await http.GetStringAsync("/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var answer = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Form.ApiKey"] = key,
        }));

        // U+0000 is refused by ASP.NET Core's form reading before the page runs; the rest get the page's reason.
        Assert.Equal(status, (int)answer.StatusCode);
        if (status == 200)
            Assert.Contains("That is not an API key: a key is 1 to 200 visible ASCII characters, no spaces.", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == "selflearn.web");
    }
}
