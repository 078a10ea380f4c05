using Npgsql;
using SelfLearn.Agents.Teacher.Online;

namespace SelfLearn.Api.Tests.Infrastructure;

/// <summary>Wolverine's agents as its tables record them: which node the leader gave each agent.</summary>
public static class WolverineAgents
{
    public const string Leader = "wolverine://leader/";

    /// <summary>The recurring schedule that evaluates the degradation rules (<see cref="DegradationSchedule"/>).</summary>
    public const string DegradationRules = $"wolverine-recurring-timer:///{DegradationSchedule.Name}";

    /// <summary>The Wolverine node number holding <paramref name="agent"/>, or null when no node holds it.</summary>
    public static async Task<int?> HolderAsync(NpgsqlDataSource database, string agent, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand("""
            SELECT n.node_number FROM selflearn.wolverine_node_assignments a JOIN selflearn.wolverine_nodes n ON n.id = a.node_id WHERE a.id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = agent });
        return await command.ExecuteScalarAsync(ct) is int node ? node : null;
    }
}
