namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>What the telemetry writer has done since the app started.</summary>
/// <param name="Waiting">Records queued and not yet written or parked.</param>
/// <param name="Written">Records in <c>pipeline_runs</c> / <c>telemetry_events</c>.</param>
/// <param name="DeadLettered">Records the database refused, parked in <c>telemetry_dead_letters</c>.</param>
/// <param name="Lost">Records neither written nor parked (logged with their JSON); only an unforeseen fault gets here.</param>
/// <param name="Failing">The last attempt failed and none has succeeded since: the writer is retrying.</param>
/// <param name="LastFailure">The most recent failure, whatever came after it.</param>
public sealed record TelemetryWriterStatus(
    long Waiting, long Written, long DeadLettered, long Lost, bool Failing, TelemetryFailure? LastFailure);
