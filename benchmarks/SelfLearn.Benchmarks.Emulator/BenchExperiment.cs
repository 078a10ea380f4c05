using SelfLearn.Api.Simulations;
using SelfLearn.Benchmarks.Shared;
using Wolverine;

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
        await using var session = host.Store.QuerySession();
        return await SimulationExperiment.RegisterAsync(host.Get<IMessageBus>(), session, Id, Deployment, ["a", "b"], [("b", VariantB)], ct);
    }
}
