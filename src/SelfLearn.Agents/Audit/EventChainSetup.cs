using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace SelfLearn.Agents.Audit;

public static class EventChainSetup
{
    /// <summary>The chain hash lives in each event's headers, so Marten must store headers.</summary>
    public static StoreOptions AddEventChain(this StoreOptions options)
    {
        options.Events.MetadataConfig.HeadersEnabled = true;
        return options;
    }

    /// <summary>Register after Marten and before anything that appends events on start (seeding).</summary>
    public static IServiceCollection AddEventChainInstaller(this IServiceCollection services)
    {
        services.AddSingleton<EventChainVerifier>();
        services.AddSingleton<VerifyEventChains>();
        return services.AddHostedService<InstallEventChain>();
    }
}

public sealed class InstallEventChain(IDocumentStore store, NpgsqlDataSource dataSource) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => RunAsync(store, dataSource, cancellationToken);

    /// <summary>Marten's tables first (the trigger is on its event table), then the chain.</summary>
    public static async Task RunAsync(IDocumentStore store, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await EventChainSchema.InstallAsync(dataSource, store.Options.Events.DatabaseSchemaName, ct);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
