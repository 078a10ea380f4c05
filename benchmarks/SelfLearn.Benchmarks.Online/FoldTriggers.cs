using Npgsql;

namespace SelfLearn.Benchmarks.Online;

/// <summary>The online fold's two triggers (runs and feedback, docs/ONLINE.md), switched together, and read back to prove the switch held.</summary>
internal static class FoldTriggers
{
    private static readonly string[] Triggers = ["pipeline_runs_online ON selflearn.pipeline_runs", "run_feedback_online ON selflearn.run_feedback"];

    public static async Task SwitchAsync(NpgsqlDataSource database, bool enabled, CancellationToken ct)
    {
        foreach (var trigger in Triggers)
        {
            var (name, table) = (trigger[..trigger.IndexOf(' ', StringComparison.Ordinal)], trigger[(trigger.LastIndexOf(' ') + 1)..]);
            await using var command = database.CreateCommand($"ALTER TABLE {table} {(enabled ? "ENABLE" : "DISABLE")} TRIGGER {name}");
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>How many of the two are enabled now.</summary>
    public static async Task<long> EnabledAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            "SELECT count(*) FROM pg_trigger WHERE tgname IN ('pipeline_runs_online', 'run_feedback_online') AND tgenabled <> 'D'");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
