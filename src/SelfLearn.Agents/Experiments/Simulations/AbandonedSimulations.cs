using Marten;
using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>Deletes one simulated user's memories in the MaaS the simulation played against; returns how many were deleted.</summary>
public delegate Task<int> ForgetSimulatedUser(string userId, string deploymentId, CancellationToken ct);

/// <summary>
/// Finds the running simulations whose process on this host is gone (killed, crashed, machine restarted), forgets their
/// users (unless the run kept its memories) and records <see cref="SimulationAbandoned"/> with the reason. Simulations
/// owned by another host are left alone: whether their process lives cannot be told from here.
/// </summary>
public sealed class AbandonedSimulations(IDocumentStore store, ForgetSimulatedUser forget, ILogger<AbandonedSimulations> logger)
{
    public const string By = "system:abandoned-simulations";

    public async Task<IReadOnlyList<SimulationAbandoned>> SweepAsync(CancellationToken ct)
    {
        IReadOnlyList<Simulation> running;
        await using (var query = store.QuerySession())
            running = await query.Query<Simulation>().Where(s => s.Status == SimulationStatus.Running).ToListAsync(ct);

        var abandoned = new List<SimulationAbandoned>();
        foreach (var simulation in running)
        {
            if (simulation.Plan.Owner is not { } owner)
                continue;
            try
            {
                if (owner.WhyGone(Environment.MachineName, OwnerProcesses.StartOf(owner.ProcessId)) is { } reason
                    && await AbandonAsync(simulation.Plan.SimulationId, reason, ct) is { } recorded)
                    abandoned.Add(recorded);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Simulation {SimulationId} looks abandoned but could not be cleaned up; it stays running until the next start: {Error}",
                    simulation.Plan.SimulationId, e.Message);
            }
        }
        return abandoned;
    }

    /// <summary>Users are forgotten before the event is written: a crash in between leaves the run to the next start, never memories behind.</summary>
    private async Task<SimulationAbandoned?> AbandonAsync(string simulationId, string reason, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Simulation>(Simulation.StreamKey(simulationId), ct);
        if (stream.Aggregate is not { Status: SimulationStatus.Running } simulation)
            return null;

        var plan = simulation.Plan;
        var (users, unlisted) = plan.KeepMemories ? ([], null) : await UsersAsync(session, plan, ct);
        foreach (var user in users)
            await forget(user, plan.DeploymentId, ct);
        var abandoned = new SimulationAbandoned(simulationId, unlisted is null ? reason : $"{reason}; its users could not be listed: {unlisted}", users.Count, By);
        stream.AppendOne(abandoned);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (ConcurrencyErrors.IsConflict(e))
        {
            return null; // another process starting at the same time recorded it first
        }
        logger.LogWarning("Simulation {SimulationId} was abandoned: {Reason}. {Memories} {NextStep}", simulationId, abandoned.Reason,
            plan.KeepMemories ? "Its memories were kept (--keep-memories)." : $"Its {users.Count} users were forgotten.",
            $"Run `simulate --repeat {simulationId}` to play it again.");
        return abandoned;
    }

    /// <summary>The users a run plays are fixed by its dataset version and variants (<see cref="SimulationPlan.UserId"/>).</summary>
    private static async Task<(IReadOnlyList<string> Users, string? Error)> UsersAsync(IQuerySession session, SimulationStarted plan, CancellationToken ct)
    {
        var (set, error, _) = await LoadDataset.RunAsync(session, plan.DatasetName, plan.DatasetVersion, ct);
        if (set is null)
            return ([], error);
        return ([.. set.Scenarios.SelectMany(s => plan.Variants.Select(v => SimulationPlan.UserId(plan.SimulationId, s.Id, v.Name)))], null);
    }
}
