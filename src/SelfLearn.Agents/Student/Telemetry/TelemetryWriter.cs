using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>
/// Takes runs off the query path and writes them in batches with binary COPY (<see cref="IsolatingBatchWrite"/>:
/// records the database refuses are parked in telemetry_dead_letters, anything else is retried, nothing is dropped).
/// Nothing here stops the host: failures are logged and shown in <see cref="Status"/>, and so in /health. Stopping
/// the app drains the queue.
/// </summary>
public sealed class TelemetryWriter : BackgroundService
{
    public const int MaxBatch = 2000;

    private readonly Channel<ITelemetryRecord> _queue = Channel.CreateUnbounded<ITelemetryRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _schemaReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _shutdownTimeUp = new();
    private readonly TelemetryWriterState _state = new();
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly ILogger<TelemetryWriter> _logger;
    private readonly IsolatingBatchWrite _write;

    public TelemetryWriter(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<TelemetryWriter> logger)
    {
        (_dataSource, _clock, _logger) = (dataSource, clock, logger);
        _write = new IsolatingBatchWrite(dataSource, _state, clock, logger);
    }

    public TelemetryWriterStatus Status => _state.Status;

    public void Enqueue(ITelemetryRecord run)
    {
        if (_queue.Writer.TryWrite(run))
            _state.Enqueued();
        else
            _logger.LogWarning("Telemetry record {RunId} arrived after the writer stopped; it is not stored", run.RunId);
    }

    /// <summary>Waits until everything queued so far is handled: written, or parked as a dead letter.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _schemaReady.Task.WaitAsync(ct);
        var target = _state.Queued;
        while (_state.Handled < target)
            await Task.Delay(10, ct);
    }

    /// <summary>Runs until the queue is completed and drained (see <see cref="StopAsync"/>), not until stoppingToken fires.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var giveUp = _shutdownTimeUp.Token;
        try
        {
            await _write.RetryUntilDoneAsync(ct => TelemetrySchema.EnsureAsync(_dataSource, ct), giveUp);
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
            _logger.LogError("The app stopped before {Count} telemetry records could be written", Status.Waiting);
        }
#pragma warning disable CA1031 // The writer must never take the host down: the fault is logged and shown in /health.
        catch (Exception e)
        {
            _state.Failed(TelemetryFailure.From(e, _clock.GetUtcNow()));
            _logger.LogCritical(e, "The telemetry writer stopped; {Count} records wait", Status.Waiting);
        }
    }

    /// <summary>An unforeseen fault costs the records of this batch not yet handled, never the writer.</summary>
    private async Task WriteKeepingGoingAsync(IReadOnlyList<ITelemetryRecord> batch, CancellationToken giveUp)
    {
        var handledBefore = _state.Handled;
        try
        {
            await _write.WriteAsync(batch, giveUp);
        }
        catch (Exception e) when (!giveUp.IsCancellationRequested)
        {
            var lost = batch.Count - (_state.Handled - handledBefore);
            _state.Lost(lost);
            _state.Failed(TelemetryFailure.From(e, _clock.GetUtcNow()));
            _logger.LogCritical(e, "Writing telemetry failed unexpectedly; {Count} records are lost", lost);
        }
    }
#pragma warning restore CA1031

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
}
