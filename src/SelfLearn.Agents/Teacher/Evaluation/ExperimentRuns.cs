using Npgsql;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Evaluation;

/// <summary>How many runs an experiment has recorded (by the Student or observed of an external MaaS).</summary>
public sealed class ExperimentRuns(NpgsqlDataSource dataSource, TeacherTables tables, TelemetryWriter telemetry)
{
    public async Task<long> CountAsync(string experimentId, CancellationToken ct)
    {
        await telemetry.FlushAsync(ct);
        await tables.EnsureAsync(ct);
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {TeacherTables.Runs} WHERE experiment_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = experimentId });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
