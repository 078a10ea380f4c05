using Npgsql;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Telemetry;

namespace SelfLearn.Agents.Student.Feedback;

public enum FeedbackRefusal
{
    Invalid,
    UnknownRun,
    AnotherUsersRun,
    AlreadyRated,
}

/// <summary>
/// Stores one user's feedback on a run, with the run's deployment, config version, experiment and variant copied from
/// its row, in one INSERT so an acknowledged feedback is durable. One feedback per run: a second one is refused.
/// </summary>
public sealed class RecordFeedback(NpgsqlDataSource dataSource, TelemetryWriter telemetry, TimeProvider clock)
{
    public const string Table = $"{TelemetrySchema.Schema}.run_feedback";

    private const string Insert = $"""
        INSERT INTO {Table} (run_id, at, user_id, deployment_id, config_version, experiment_id, variant, cycle_type, simulation_id,
            thumbs, stars, text, tags, caller)
        SELECT run_id, $2, user_id, deployment_id, config_version, experiment_id, variant, cycle_type, simulation_id, $3, $4, $5, $6, $7
        FROM {TelemetrySchema.Schema}.pipeline_runs WHERE run_id = $1 AND at = $9 AND user_id = $8
        ON CONFLICT (run_id) DO NOTHING
        RETURNING deployment_id, config_version, experiment_id, variant, cycle_type
        """;

    /// <summary>A run's owner and time, looked up within the range of <c>at</c> its id names: one or two month partitions.</summary>
    public const string FindRunNearItsId = $"{FindRun} AND at >= $2 AND at < $3";

    private const string FindRun = $"SELECT user_id, at FROM {TelemetrySchema.Schema}.pipeline_runs WHERE run_id = $1";

    public async Task<(FeedbackResponse? Stored, FeedbackRefusal? Refusal, string? Problem)> HandleAsync(
        FeedbackRequest request, string caller, CancellationToken ct)
    {
        if (FeedbackRules.Validate(request) is { } problem)
            return (null, FeedbackRefusal.Invalid, problem);
        var runId = request.RunId!.Value;
        // The run row is written off the query path; a feedback sent right after its answer may beat it to the table.
        var run = await RunAsync(runId, ct);
        if (run is null)
        {
            await telemetry.FlushAsync(ct);
            run = await RunAsync(runId, ct);
        }
        if (run is not { } found)
            return (null, FeedbackRefusal.UnknownRun, $"No run '{runId}' is known; send the runId a query answered with.");
        if (found.Owner != request.UserId)
            return (null, FeedbackRefusal.AnotherUsersRun, $"Run '{runId}' answered another user; only that user can rate it.");

        var at = clock.GetUtcNow();
        var rating = request.Rating!;
        string[] tags = [.. request.Tags?.Select(t => t!) ?? []];
        await using var command = dataSource.CreateCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = runId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)rating.Thumbs ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)rating.Stars ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)request.Text ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = tags });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = caller });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.UserId! });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = found.At });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return (null, FeedbackRefusal.AlreadyRated, $"Run '{runId}' already has feedback; a run is rated once.");
        return (new FeedbackResponse(runId, request.UserId!, rating, request.Text, tags, at,
            reader.GetString(0), await reader.IsDBNullAsync(1, ct) ? null : reader.GetInt32(1),
            await reader.IsDBNullAsync(2, ct) ? null : reader.GetString(2), await reader.IsDBNullAsync(3, ct) ? null : reader.GetString(3),
            reader.GetString(4)), null, null);
    }

    /// <summary>The run's owner and time: first within the month(s) its id names (<see cref="RunIdTime"/>), then anywhere.</summary>
    private async Task<(string Owner, DateTimeOffset At)?> RunAsync(Guid runId, CancellationToken ct)
    {
        if (RunIdTime.Window(runId) is { } window && await RunAsync(runId, window, ct) is { } near)
            return near;
        return await RunAsync(runId, null, ct);
    }

    private async Task<(string Owner, DateTimeOffset At)?> RunAsync(Guid runId, (DateTimeOffset From, DateTimeOffset To)? window, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(window is null ? FindRun : FindRunNearItsId);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = runId });
        if (window is { } range)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = range.From });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = range.To });
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)) : null;
    }
}
