using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>
/// Takes runs off the query path and writes them in batches with binary COPY. A failed batch is retried, never
/// dropped; stopping the app flushes what is queued. <see cref="FlushAsync"/> waits until everything queued so far
/// is in the tables.
/// </summary>
public sealed class TelemetryWriter(NpgsqlDataSource dataSource, ILogger<TelemetryWriter> logger) : BackgroundService
{
    public const int MaxBatch = 2000;
    private readonly Channel<ITelemetryRecord> _queue = Channel.CreateUnbounded<ITelemetryRecord>(new UnboundedChannelOptions { SingleReader = true });
    private long _queued;
    private long _written;

    public void Enqueue(ITelemetryRecord run)
    {
        Interlocked.Increment(ref _queued);
        _queue.Writer.TryWrite(run);
    }

    public async Task FlushAsync(CancellationToken ct = default)
    {
        var target = Interlocked.Read(ref _queued);
        while (Interlocked.Read(ref _written) < target)
            await Task.Delay(10, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await TelemetrySchema.EnsureAsync(dataSource, stoppingToken);
        var batch = new List<ITelemetryRecord>(MaxBatch);
        while (await WaitForRunsAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var run))
                batch.Add(run);
            await WriteWithRetryAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        var rest = new List<ITelemetryRecord>();
        while (_queue.Reader.TryRead(out var run)) rest.Add(run);
        if (rest.Count > 0) await WriteWithRetryAsync(rest, cancellationToken);
    }

    private async Task<bool> WaitForRunsAsync(CancellationToken ct)
    {
        try { return await _queue.Reader.WaitToReadAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    private async Task WriteWithRetryAsync(IReadOnlyList<ITelemetryRecord> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(batch, CancellationToken.None);
                Interlocked.Add(ref _written, batch.Count);
                return;
            }
            catch (NpgsqlException e) when (attempt < 50 && !ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Writing {Count} telemetry records failed (attempt {Attempt}); retrying", batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * attempt)), CancellationToken.None);
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<ITelemetryRecord> batch, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var runs = await connection.BeginBinaryImportAsync(TelemetryCopy.RunsCopy, ct))
        {
            foreach (var run in batch.OfType<PipelineRun>())
                await TelemetryCopy.WriteRunAsync(runs, run, ct);
            await runs.CompleteAsync(ct);
        }
        await using (var events = await connection.BeginBinaryImportAsync(TelemetryCopy.EventsCopy, ct))
        {
            foreach (var run in batch)
                foreach (var (name, value) in run.Measurements())
                    await TelemetryCopy.WriteEventAsync(events, run, name, value, ct);
            await events.CompleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
