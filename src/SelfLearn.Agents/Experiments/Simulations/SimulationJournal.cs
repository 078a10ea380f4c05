using Marten;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>Records that a simulation started (with everything needed to repeat it) and how it ended.</summary>
public static class SimulationJournal
{
    public static async Task StartAsync(IDocumentStore store, SimulationStarted started, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Events.StartStream<Simulation>(Simulation.StreamKey(started.SimulationId), started);
        await session.SaveChangesAsync(ct);
    }

    public static async Task FinishAsync(IDocumentStore store, SimulationFinished finished, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Events.Append(Simulation.StreamKey(finished.SimulationId), finished);
        await session.SaveChangesAsync(ct);
    }
}
