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
/// port), so cycles run end to end in the background, as in production. <paramref name="approvalFactors"/>: the
/// factors the loop may not activate without an approval.
/// </summary>
public abstract class CycleApp(params string[] approvalFactors) : IAsyncLifetime
{
    private readonly EmbeddedPostgres _postgres = EmbeddedPostgres.StartThrowAway("selflearn_cycles");

    public IAlbaHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Host = await AlbaHost.For<Program>(builder =>
        {
            TestSettings.Apply(builder, _postgres.ConnectionString);
            builder.UseSetting("RateLimiting:Enabled", "false");
            for (var i = 0; i < approvalFactors.Length; i++)
                builder.UseSetting($"Manager:Cycles:ApprovalFactors:{i}", approvalFactors[i]);
            builder.ConfigureTestServices(services => services.AddTransient<IMaasClient>(sp =>
            {
                var server = (TestServer)sp.GetRequiredService<IServer>();
                var http = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };
                http.DefaultRequestHeaders.Add("X-Api-Key", Keys.Service);
                return new HttpMaasClient(http);
            }));
        });

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
            await Host.DisposeAsync();
        _postgres.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AutonomousCycleApp() : CycleApp;

/// <summary>Changes of <c>retrieval.top_k</c> need an approval before the loop may activate them.</summary>
public sealed class ApprovalCycleApp() : CycleApp("retrieval.top_k");

[CollectionDefinition(Name)]
public sealed class CyclesCollection : ICollectionFixture<AutonomousCycleApp>
{
    public const string Name = "cycles";
}
