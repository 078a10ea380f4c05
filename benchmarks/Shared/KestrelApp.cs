using System.Net;
using System.Text.Json;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Security;

namespace SelfLearn.Benchmarks.Shared;

/// <summary>
/// The real SelfLearn.Api app (its own Program, Wolverine, Marten), hosted in this process on a Kestrel socket on
/// 127.0.0.1 and called through a plain <see cref="HttpClient"/>: every request crosses the loopback TCP stack.
/// Shared by the benchmark programs (compiled into each).
/// </summary>
internal sealed class KestrelApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _root;

    private KestrelApp(WebApplicationFactory<Program> root, IServiceProvider services, HttpClient client, string server)
    {
        _root = root;
        Services = services;
        Client = client;
        Server = server;
    }

    public IServiceProvider Services { get; }

    public HttpClient Client { get; }

    /// <summary>"Kestrel http://127.0.0.1:port".</summary>
    public string Server { get; }

    public IDocumentStore Store => Get<IDocumentStore>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <param name="settings">Configuration set on top of the benchmark's own (e.g. <c>Online:EvaluateSeconds</c>).</param>
    public static KestrelApp Start(string connectionString, string apiKey, string role, IReadOnlyDictionary<string, string>? settings = null)
    {
        // Program ends in RunJasperFxCommands(args): under a factory it must start the host, not parse the factory's args.
        JasperFxEnvironment.AutoStartHost = true;
        var root = new WebApplicationFactory<Program>();
        var app = root.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Benchmark");
            builder.UseContentRoot(ContentRoot());
            builder.UseSetting("ConnectionStrings:Marten", connectionString);
            builder.UseSetting($"ApiKeys:{apiKey}", role);
            // A benchmark is one caller far above any client's budget: measure the write path, not the rate limiter.
            builder.UseSetting("RateLimiting:Enabled", "false");
            // Request-level logging would be measured too; warnings and errors still show.
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                builder.UseSetting(key, value);
        });
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromMinutes(2),
        };
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, apiKey);
        return new KestrelApp(root, app.Services, client, $"Kestrel {address}");
    }

    /// <summary>
    /// The app's project folder, from the manifest the Mvc.Testing build step writes next to this program
    /// (WebApplicationFactory itself only looks for it in the current directory).
    /// </summary>
    private static string ContentRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest));
        return roots?.GetValueOrDefault(typeof(Program).Assembly.FullName!)
            ?? throw new InvalidOperationException($"{manifest} does not name the content root of {typeof(Program).Assembly.FullName}.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _root.DisposeAsync(); // also disposes the factory derived from it, stopping the app
    }
}
