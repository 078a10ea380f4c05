using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>
/// Takes runs off the query path and writes them in batches with binary COPY. A batch the database refuses for its
/// data is halved until the bad records are found; those are parked in <c>telemetry_dead_letters</c> and the rest
/// is written. Any other failure is retried with backoff, dropping nothing. Nothing here stops the host: failures
/// are logged and shown in <see cref="Status"/> (and so in /health). Stopping the app drains the queue.
/// </summary>
public sealed class TelemetryWriter(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<TelemetryWriter> logger) : BackgroundService
{
    public const int MaxBatch = 2000;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    private readonly Channel<ITelemetryRecord> _queue = Channel.CreateUnbounded<ITelemetryRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _schemaReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _shutdownTimeUp = new();
    private long _queued;
    private long _written;
    private long _deadLettered;
    private long _lost;
    private volatile bool _failing;
    private volatile TelemetryFailure? _lastFailure;

    public TelemetryWriterStatus Status
    {
        get
        {
            long written = Interlocked.Read(ref _written), deadLettered = Interlocked.Read(ref _deadLettered), lost = Interlocked.Read(ref _lost);
            var waiting = Math.Max(0, Interlocked.Read(ref _queued) - written - deadLettered - lost);
            return new(waiting, written, deadLettered, lost, _failing, _lastFailure);
        }
    }

    public void Enqueue(ITelemetryRecord run)
    {
        if (_queue.Writer.TryWrite(run))
            Interlocked.Increment(ref _queued);
        else
            logger.LogWarning("Telemetry record {RunId} arrived after the writer stopped; it is not stored", run.RunId);
    }

    /// <summary>Waits until everything queued so far is handled: written, or parked as a dead letter.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _schemaReady.Task.WaitAsync(ct);
        var target = Interlocked.Read(ref _queued);
        while (Handled < target)
            await Task.Delay(10, ct);
    }

    private long Handled => Interlocked.Read(ref _written) + Interlocked.Read(ref _deadLettered) + Interlocked.Read(ref _lost);

    /// <summary>Runs until the queue is completed and drained (see <see cref="StopAsync"/>), not until stoppingToken fires.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var giveUp = _shutdownTimeUp.Token;
        try
        {
            await RetryUntilDoneAsync(ct => TelemetrySchema.EnsureAsync(dataSource, ct), giveUp);
            _schemaReady.TrySetResult();
            var batch = new List<ITelemetryRecord>(MaxBatch);
            while (await _queue.Reader.WaitToReadAsync(giveUp))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var run))
                    batch.Add(run);
                await WriteKeepingGoingAsync(batch, giveUp);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            _schemaReady.TrySetCanceled(giveUp);
            logger.LogError("The app stopped before {Count} telemetry records could be written", Status.Waiting);
        }
#pragma warning disable CA1031 // The writer must never take the host down: the fault is logged and shown in /health.
        catch (Exception e)
        {
            Failed(e);
            logger.LogCritical(e, "The telemetry writer stopped; {Count} records wait", Status.Waiting);
        }
    }

    /// <summary>An unforeseen fault costs the records of this batch not yet handled, never the writer.</summary>
    private async Task WriteKeepingGoingAsync(IReadOnlyList<ITelemetryRecord> batch, CancellationToken giveUp)
    {
        var handledBefore = Handled;
        try
        {
            await WriteOrIsolateAsync(batch, giveUp);
        }
        catch (Exception e) when (!giveUp.IsCancellationRequested)
        {
            var lost = batch.Count - (Handled - handledBefore);
            Interlocked.Add(ref _lost, lost);
            Failed(e);
            logger.LogCritical(e, "Writing telemetry failed unexpectedly; {Count} records are lost", lost);
        }
    }
#pragma warning restore CA1031

    private void Failed(Exception e)
    {
        _failing = true;
        _lastFailure = TelemetryFailure.From(e, clock.GetUtcNow());
    }

    /// <summary>Stops taking records, then lets the writer drain the queue until the host's shutdown time runs out.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await using var timeUp = cancellationToken.Register(_shutdownTimeUp.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _shutdownTimeUp.Dispose();
        base.Dispose();
    }

    private async Task WriteOrIsolateAsync(IReadOnlyList<ITelemetryRecord> batch, CancellationToken giveUp)
    {
        var refused = await WriteOrDataFailureAsync(batch, giveUp);
        if (refused is null)
        {
            Interlocked.Add(ref _written, batch.Count);
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
            await WriteOrIsolateAsync([.. batch.Take(half)], giveUp);
            await WriteOrIsolateAsync([.. batch.Skip(half)], giveUp);
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
                _lastFailure = failure;
            }
        }, giveUp);
        return refused;
    }

    private async Task ParkAsync(ITelemetryRecord record, TelemetryFailure refusal, CancellationToken giveUp)
    {
        logger.LogError("Telemetry record {RunId} ({Kind}) was refused ({Failure}); parked in {Table}",
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
            Interlocked.Increment(ref _deadLettered);
            return;
        }
        Interlocked.Increment(ref _lost);
        _lastFailure = unparkable;
        logger.LogCritical("Telemetry record {RunId} could not be parked either ({Failure}); it is lost: {Record}",
            record.RunId, unparkable, record);
    }

    /// <summary>Repeats <paramref name="attempt"/> with growing pauses until it returns; gives up only when the app's shutdown time is up.</summary>
    private async Task RetryUntilDoneAsync(Func<CancellationToken, Task> attempt, CancellationToken giveUp)
    {
        var pause = FirstRetry;
        for (var tries = 1; ; tries++)
        {
            try
            {
                await attempt(giveUp);
                _failing = false;
                return;
            }
            catch (Exception e) when (!giveUp.IsCancellationRequested)
            {
                Failed(e);
                logger.LogWarning(e, "Telemetry cannot be written (attempt {Attempt}, {Waiting} records waiting); retrying in {Pause}",
                    tries, Status.Waiting, pause);
                await Task.Delay(pause, clock, giveUp);
                pause = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, pause.Ticks * 2));
            }
        }
    }
}
