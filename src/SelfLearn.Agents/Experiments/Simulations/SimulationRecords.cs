using Marten;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>
/// The scenario set a simulation plays and where it came from (recorded with the dataset version). <see cref="Recorded"/>
/// is the registered version it was read from, if any: that version is played as it is, never registered again.
/// </summary>
public sealed record LoadedScenarios(ScenarioSet Set, string Source, DatasetRegistration? Recorded = null);

/// <summary>What a recorded simulation played, so it can be played again exactly.</summary>
public sealed class SimulationRecords(IDocumentStore store)
{
    public async Task<SimulationStarted> PlanAsync(string simulationId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<Simulation>(Simulation.StreamKey(simulationId), ct) ?? throw new ArgumentException($"no simulation '{simulationId}' to repeat.")).Plan;
    }

    /// <summary>A recorded dataset version, exactly as registered.</summary>
    public async Task<LoadedScenarios> ScenariosAsync(string name, int version, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var (set, error, sha) = await LoadDataset.RunAsync(session, name, version, ct);
        return set is null
            ? throw new ArgumentException(error)
            : new LoadedScenarios(set, $"dataset {name}@{version}", new DatasetRegistration(name, version, sha!, false));
    }
}
