using Microsoft.Extensions.Logging;
using Npgsql;

namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>
/// Writes one batch whatever happens short of the app's shutdown time running out: a batch refused for its data is
/// halved until each refused record is alone, and that record is parked in telemetry_dead_letters; any other
/// failure is retried with growing pauses (see <see cref="TelemetryFailure"/>).
/// </summary>
internal sealed class IsolatingBatchWrite(NpgsqlDataSource dataSource, TelemetryWriterState state, TimeProvider clock, ILogger logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    public async Task WriteAsync(IReadOnlyList<ITelemetryRecord> batch, CancellationToken giveUp)
    {
        var refused = await WriteOrDataFailureAsync(batch, giveUp);
        if (refused is null)
        {
            state.Wrote(batch.Count);
        }
        else if (batch.Count == 1)
        {
            await ParkAsync(batch[0], refused, giveUp);
        }
        else
        {
            logger.LogWarning("The database refused a batch of {Count} telemetry records ({Failure}); splitting it to find the bad ones",
                batch.Count, refused);
            var half = batch.Count / 2;
            await WriteAsync([.. batch.Take(half)], giveUp);
            await WriteAsync([.. batch.Skip(half)], giveUp);
        }
    }

    /// <summary>Repeats <paramref name="attempt"/> with growing pauses until it returns; gives up only when the app's shutdown time is up.</summary>
    public async Task RetryUntilDoneAsync(Func<CancellationToken, Task> attempt, CancellationToken giveUp)
    {
        var pause = FirstRetry;
        for (var tries = 1; ; tries++)
        {
            try
            {
                await attempt(giveUp);
                state.Succeeded();
                return;
            }
            catch (Exception e) when (!giveUp.IsCancellationRequested)
            {
                state.Failed(TelemetryFailure.From(e, clock.GetUtcNow()));
                logger.LogWarning(e, "Telemetry cannot be written (attempt {Attempt}, {Waiting} records waiting); retrying in {Pause}",
                    tries, state.Status.Waiting, pause);
                await Task.Delay(pause, clock, giveUp);
                pause = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, pause.Ticks * 2));
            }
        }
    }

    /// <summary>Null once the batch is written; the failure if the database refused its data. Anything else is retried.</summary>
    private async Task<TelemetryFailure?> WriteOrDataFailureAsync(IReadOnlyList<ITelemetryRecord> batch, CancellationToken giveUp)
    {
        TelemetryFailure? refused = null;
        await RetryUntilDoneAsync(async ct =>
        {
            try
            {
                await TelemetryCopy.WriteBatchAsync(dataSource, batch, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && TelemetryFailure.From(e, clock.GetUtcNow()) is { IsDataError: true } failure)
            {
                refused = failure;
                state.Refused(failure);
            }
        }, giveUp);
        return refused;
    }

    private async Task ParkAsync(ITelemetryRecord record, TelemetryFailure refusal, CancellationToken giveUp)
    {
        logger.LogError("Telemetry record {RunId} ({Kind}) was refused ({Failure}); parking it in {Table}",
            record.RunId, TelemetryDeadLetters.Kind(record), refusal, TelemetryDeadLetters.Table);
        TelemetryFailure? unparkable = null;
        await RetryUntilDoneAsync(async ct =>
        {
            try
            {
                await TelemetryDeadLetters.ParkAsync(dataSource, record, refusal, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && TelemetryFailure.From(e, clock.GetUtcNow()) is { IsDataError: true } failure)
            {
                unparkable = failure;
            }
        }, giveUp);
        if (unparkable is null)
        {
            state.Parked();
            return;
        }
        state.Lost(1);
        state.Refused(unparkable);
        logger.LogCritical("Telemetry record {RunId} could not be parked either ({Failure}); it is lost: {Record}", record.RunId, unparkable, record);
    }
}
