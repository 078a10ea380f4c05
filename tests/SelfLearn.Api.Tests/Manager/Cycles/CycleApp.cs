using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Maas;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Manager.Cycles;

/// <summary>
/// An app host on its own PostgreSQL whose emulator reaches the Student through the test server (a test host has no
/// port), so cycles run end to end in the background, as in production.
/// </summary>
public abstract class CycleApp : IAsyncLifetime
{
    private readonly EmbeddedPostgres _postgres = EmbeddedPostgres.StartThrowAway("selflearn_cycles");

    public IAlbaHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Host = await AlbaHost.For<Program>(builder =>
        {
            TestSettings.Apply(builder, _postgres.ConnectionString);
            builder.UseSetting("RateLimiting:Enabled", "false");
            ConfigureSettings(builder);
            // As in Development, where `dotnet run -- cycle` runs: the Manager's commands take the root provider, and a
            // scoped service (Wolverine's message bus) resolved from it must fail here as it fails there.
            builder.UseDefaultServiceProvider(o => o.ValidateScopes = true);
            builder.ConfigureTestServices(services =>
            {
                services.AddTransient<IMaasClient>(sp =>
                {
                    var server = (TestServer)sp.GetRequiredService<IServer>();
                    var http = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };
                    http.DefaultRequestHeaders.Add("X-Api-Key", Keys.Service);
                    return new HttpMaasClient(http);
                });
                ConfigureServices(services);
            });
        });

    /// <summary>Settings an app of its own adds on top of the test settings.</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    /// <summary>What an app of its own changes in the services (after the app's own registrations).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
            await Host.DisposeAsync();
        _postgres.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AutonomousCycleApp : CycleApp;

/// <summary>An app of its own for the cycles that wait for approvals (each test sets the autonomy policy it needs).</summary>
public sealed class ApprovalCycleApp : CycleApp;

/// <summary>An app whose clock runs two hours ahead of the database's, so every cycle's wall time is spent when its first experiment would start.</summary>
public sealed class LateClockCycleApp : CycleApp
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(new TwoHoursAhead());

    private sealed class TwoHoursAhead : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddHours(2);
    }
}

[CollectionDefinition(Name)]
public sealed class CyclesCollection : ICollectionFixture<AutonomousCycleApp>
{
    public const string Name = "cycles";
}
