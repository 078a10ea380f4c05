using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Agents.Seeding;

/// <summary>
/// Registers the default catalog factors that are missing and opens the <c>default</c> deployment.
/// Safe on every start and on several nodes at once: a factor or deployment that exists is left alone.
/// </summary>
public static class SeedDefaults
{
    public const string DefaultDeployment = "default";

    public static async Task RunAsync(IDocumentStore store, CatalogCache catalog, CancellationToken ct)
    {
        await using (var session = store.LightweightSession())
        {
            var known = (await session.Query<ImpactFactor>().Select(f => f.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var factor in DefaultCatalog.Factors.Where(f => !known.Contains(f.Key)))
            {
                await using var write = store.LightweightSession();
                await RegisterImpactFactorHandler.Handle(new Tuner.RegisterImpactFactor(factor.Key, factor.Type, factor.Bounds, factor.Default,
                    factor.Unit, factor.Description, factor.Zone, factor.By), write, ct);
            }
        }

        await using var deployments = store.LightweightSession();
        await OpenDeploymentHandler.Handle(
            new OpenDeployment(DefaultDeployment, "seeded on first start: catalog defaults", DefaultCatalog.SeededBy), deployments, catalog, ct);
    }
}

public sealed class SeedDefaultsOnStart(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        SeedDefaults.RunAsync(services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<CatalogCache>(), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
