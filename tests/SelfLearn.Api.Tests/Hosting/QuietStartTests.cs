namespace SelfLearn.Api.Tests.Hosting;

/// <summary>A plain start prints where PostgreSQL runs, the URL and the development keys, and nothing else unless asked.</summary>
public sealed class QuietStartTests
{
    private static readonly string[] AllowedPrefixes = ["[postgres] ", "[development] ", "SelfLearn listens on "];

    [Fact]
    public async Task A_plain_start_prints_the_database_the_url_and_the_development_keys_only()
    {
        using var folder = new TemporaryDataFolder();
        var port = TemporaryDataFolder.FreeLoopbackPort();
        using var app = AppProcess.Start(Development(folder, port));

        var output = await OutputOnceListening(app, port);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, line => Assert.Contains(AllowedPrefixes, prefix => line.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Contains($"SelfLearn listens on http://127.0.0.1:{port}", lines);
        Assert.Contains($"[postgres] Starting PostgreSQL on 127.0.0.1:{folder.Port}", lines);
        Assert.Equal(["[development] API key for role auditor: dev-auditor-key", "[development] API key for role meta-user: dev-meta-user-key",
            "[development] API key for role service: dev-service-key"], lines.Where(l => l.StartsWith("[development] ", StringComparison.Ordinal)));
        Assert.Empty(app.Errors.Trim());
    }

    [Fact]
    public async Task Verbose_brings_back_the_framework_logs()
    {
        using var folder = new TemporaryDataFolder();
        var port = TemporaryDataFolder.FreeLoopbackPort();
        using var app = AppProcess.Start(Development(folder, port), "--verbose");

        var output = await OutputOnceListening(app, port);

        Assert.Contains("Microsoft.Hosting.Lifetime", output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Development(TemporaryDataFolder folder, int port)
    {
        var settings = folder.AppSettings(port);
        settings["ASPNETCORE_ENVIRONMENT"] = "Development";
        return settings;
    }

    private static async Task<string> OutputOnceListening(AppProcess app, int port)
    {
        await app.WaitUntilAnswersAsync($"http://127.0.0.1:{port}/health");
        for (var i = 0; i < 100 && !app.Output.Contains("SelfLearn listens on", StringComparison.Ordinal); i++)
            await Task.Delay(100);
        return app.Output;
    }
}
