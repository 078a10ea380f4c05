namespace SelfLearn.Api.Hosting;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Marten";

    /// <summary>
    /// The configured connection string, or — when none is configured — the local PostgreSQL server of the data folder:
    /// started from the installed binaries and stopped with the app, or, when another running process owns it, used
    /// and left running. Exits with one clear message when neither is possible.
    /// </summary>
    public static string AddSelfLearnDatabase(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured)
            return configured;

        var options = builder.Configuration.GetSection("Postgres").Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
        EmbeddedPostgres server;
        try
        {
            server = EmbeddedPostgres.Start(options, message => Console.WriteLine($"[postgres] {message}"));
        }
        catch (PostgresBinariesNotFoundException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.Exit(2);
            throw;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        // Registered before Marten and Wolverine so that it stops after them.
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService<StopEmbeddedPostgres>();
        return server.ConnectionString;
    }
}

public sealed class StopEmbeddedPostgres(EmbeddedPostgres server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        server.Stop();
        return Task.CompletedTask;
    }
}
