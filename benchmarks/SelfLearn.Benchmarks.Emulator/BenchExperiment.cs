using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Api.Commands;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>
/// The experiment every pass plays, registered the way <c>simulate</c> registers one: variant a runs the deployment's
/// active version, variant b a Tuner-created version returning fewer memories.
/// </summary>
internal static class BenchExperiment
{
    public const string Id = "bench-emulator";
    public const string Deployment = "bench";
    public const string VariantB = "retrieval.top_k=3";

    public static async Task<SimulationTarget> RegisterAsync(KestrelApp host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SimulationExperiment>().RegisterAsync(Id, Deployment,
            [("a", new Dictionary<string, System.Text.Json.JsonElement>()), ("b", SetAssignments.Parse([VariantB]))], ct);
    }
}
