namespace SelfLearn.Api.Hosting;

/// <summary>
/// A start prints where PostgreSQL runs, the URL and the development keys; the framework's information logs appear
/// only with <c>--verbose</c> (or a <c>Logging:LogLevel</c> setting).
/// </summary>
public static class ConsoleVerbosity
{
    public const string Flag = "--verbose";

    /// <summary>Removes <c>--verbose</c> from the arguments; true when it was there.</summary>
    public static bool Take(ref string[] args)
    {
        var verbose = args.Contains(Flag, StringComparer.Ordinal);
        args = [.. args.Where(a => a != Flag)];
        return verbose;
    }

    public static void UseConsoleVerbosity(this WebApplicationBuilder builder, bool verbose)
    {
        if (!verbose)
            return;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        });
    }

    /// <summary>The one line a plain start prints once it listens.</summary>
    public static void PrintAddressesOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"SelfLearn listens on {string.Join(", ", app.Urls)}"));
}
