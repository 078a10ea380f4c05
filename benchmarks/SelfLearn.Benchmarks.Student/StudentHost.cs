using System.Net;
using System.Text.Json;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Security;

namespace SelfLearn.Benchmarks.Student;

/// <summary>The real SelfLearn.Api app hosted in this process on Kestrel (127.0.0.1), called through a plain HttpClient.</summary>
internal sealed class StudentHost : IAsyncDisposable
{
    public const string ApiKey = "bench-key";

    private readonly WebApplicationFactory<Program> _root;

    private StudentHost(WebApplicationFactory<Program> root, IServiceProvider services, HttpClient client)
    {
        _root = root;
        Services = services;
        Client = client;
    }

    public IServiceProvider Services { get; }

    public HttpClient Client { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static StudentHost Start(string connectionString)
    {
        JasperFxEnvironment.AutoStartHost = true; // Program ends in RunJasperFxCommands(args)
        var root = new WebApplicationFactory<Program>();
        var app = root.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Benchmark");
            builder.UseContentRoot(ContentRoot());
            builder.UseSetting("ConnectionStrings:Marten", connectionString);
            builder.UseSetting($"ApiKeys:{ApiKey}", Roles.Service);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromMinutes(2),
        };
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, ApiKey);
        return new StudentHost(root, app.Services, client);
    }

    /// <summary>The app's project folder, from the manifest the Mvc.Testing build step writes next to this program.</summary>
    private static string ContentRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest));
        return roots?.GetValueOrDefault(typeof(Program).Assembly.FullName!)
            ?? throw new InvalidOperationException($"{manifest} does not name the content root of the app.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _root.DisposeAsync();
    }
}
