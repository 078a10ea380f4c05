using System.Diagnostics;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Api.Tests.Student;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Api.Tests.Experiments;

/// <summary>A simulation recorded as running by some process, with two memories for each of its users.</summary>
public sealed record RunningSimulation(string Id, IReadOnlyList<string> Users);

public static class RunningSimulations
{
    public const int MemoriesPerUser = 2;
    private static readonly string[] Variants = ["a", "b"];

    /// <summary>Two scenarios for variants a and b: four users, named as the contract documents (simulation.scenario.variant).</summary>
    public static async Task<RunningSimulation> StartRunning(this IAlbaHost host, SimulationOwner owner, bool keepMemories = false)
    {
        var id = "s" + Guid.NewGuid().ToString("N")[..16];
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var set = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 3, 2)).Set;
        var dataset = await RegisterDataset.RunAsync(store, set, "test", "test", CancellationToken.None);
        await SimulationJournal.StartAsync(store, new SimulationStarted(id, "exp", "default", [.. Variants.Select(v => new SimulatedVariant(v, 1))],
            dataset.Name, dataset.Version, dataset.Sha256, 3, 1, null, "test", owner, keepMemories), CancellationToken.None);
        var users = set.Scenarios.SelectMany(s => Variants.Select(v => $"{id}.{s.Id}.{v}")).ToList();
        foreach (var user in users)
            await host.Remember(user, ("I live in Lyon.", "t1", "2024-01-10T09:00:00Z"), ("I drink green tea.", "t2", "2024-01-10T09:01:00Z"));
        return new RunningSimulation(id, users);
    }

    public static async Task<int> MemoriesOf(this IAlbaHost host, IReadOnlyList<string> users)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<MemoryDocument>().CountAsync(m => users.Contains(m.UserId));
    }

    public static async Task<IReadOnlyList<object>> EventsOf(this IAlbaHost host, string simulationId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.FetchStreamAsync(Simulation.StreamKey(simulationId))).Select(e => e.Data)];
    }

    /// <summary>The owner of a simulation whose process was killed and reaped.</summary>
    public static async Task<SimulationOwner> DeadOwner()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        var started = process.StartTime.ToUniversalTime();
        process.Kill();
        await process.WaitForExitAsync();
        return new SimulationOwner(Environment.MachineName, process.Id, new DateTimeOffset(started, TimeSpan.Zero));
    }

    public static SimulationOwner ThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        return new SimulationOwner(Environment.MachineName, self.Id, new DateTimeOffset(self.StartTime.ToUniversalTime(), TimeSpan.Zero));
    }
}
