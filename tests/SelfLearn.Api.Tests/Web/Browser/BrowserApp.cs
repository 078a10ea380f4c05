using Microsoft.Playwright;
using SelfLearn.Api.Tests.Hosting;

namespace SelfLearn.Api.Tests.Web.Browser;

/// <summary>
/// The real app as a person starts it (Development, its own embedded PostgreSQL, the development keys) and Debian's
/// chromium driven by Playwright (its own browser download is not reachable here, so it runs the system executable).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string MetaUserKey = "dev-meta-user-key";
    public const string AuditorKey = "dev-auditor-key";
    public const string ServiceKey = "dev-service-key";

    private TemporaryDataFolder? _folder;
    private AppProcess? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public string Output => _app?.Output + _app?.Errors;

    public async ValueTask InitializeAsync()
    {
        _folder = new TemporaryDataFolder();
        var port = TemporaryDataFolder.FreeLoopbackPort();
        var settings = _folder.AppSettings(port);
        settings["ASPNETCORE_ENVIRONMENT"] = "Development";
        // One conversation keeps a cycle's offline screen quick, as in the other cycle tests.
        settings["Manager__Screening__Conversations__0"] = "conv-30";
        _app = AppProcess.Start(settings);
        BaseUrl = $"http://127.0.0.1:{port}";
        await _app.WaitUntilAnswersAsync($"{BaseUrl}/health");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A new browser window (its own cookies) at 1280×800 in the given time zone.</summary>
    public async Task<IPage> NewPageAsync(string timeZone = "Europe/Berlin", int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = timeZone,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form and waits for the overview.</summary>
    public async Task<IPage> SignedInPageAsync(string key, string timeZone = "Europe/Berlin")
    {
        var page = await NewPageAsync(timeZone);
        await page.GotoAsync("/");
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 }).WaitForAsync();
        return page;
    }

    /// <summary>Saves a full-page screenshot under TestResults/screenshots and attaches it to the test's result.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = ScreenshotFolder();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment($"{name}.png", bytes, "image/png");
    }

    private static string ScreenshotFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SelfLearn.sln")))
            directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
    }

    private static string ChromiumPath() =>
        new[] { Environment.GetEnvironmentVariable("SELFLEARN_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
        ?? throw new InvalidOperationException("No chromium found: install Debian's chromium package (.ci/run does) or set SELFLEARN_CHROMIUM.");

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        _app?.Dispose();
        _folder?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
