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
}
