using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Hosting;

namespace SelfLearn.Api.Tests.Infrastructure;

/// <summary>One throw-away PostgreSQL server and one app host for the whole test collection.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private EmbeddedPostgres? _postgres;

    public IAlbaHost Host { get; private set; } = null!;

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync()
    {
        _postgres = EmbeddedPostgres.StartThrowAway("selflearn_tests");
        Host = await AlbaHost.For<Program>(builder =>
        {
            TestSettings.Apply(builder, _postgres.ConnectionString);
            // The fuzz and concurrency tests send bursts far above a client's limit; RateLimitTests has its own host.
            builder.UseSetting("RateLimiting:Enabled", "false");
        });
    }

    /// <summary>Empties the event store and documents, clears Wolverine's queues, then seeds the defaults again.</summary>
    public Task ResetAsync() => Host.ResetForTestAsync();

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
            await Host.DisposeAsync();
        _postgres?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}

/// <summary>Outside Development keys need at least <c>ApiKeyTable.MinimumLength</c> characters; the tests run in "Testing".</summary>
public static class Keys
{
    public const string MetaUser = "test-meta-user-key-2f9c41d07a6e";
    public const string Auditor = "test-auditor-key-8b3e5a71c0d4";
    public const string Service = "test-service-key-61f0d2e9b7a3";
}

[Collection(ApiCollection.Name)]
public abstract class ApiTest(AppFixture fixture) : IAsyncLifetime
{
    protected AppFixture Fixture { get; } = fixture;

    protected IAlbaHost Host => Fixture.Host;

    public async ValueTask InitializeAsync() => await Fixture.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
