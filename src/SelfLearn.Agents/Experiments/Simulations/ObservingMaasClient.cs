using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using SelfLearn.Agents.Maas;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>
/// Puts itself between the emulator and an external MaaS and keeps what every query returned, so the Teacher evaluates a
/// MaaS that keeps its telemetry to itself. Observations are written in batches; <see cref="FlushAsync"/> writes the rest.
/// </summary>
public sealed class ObservingMaasClient(IMaasClient inner, ObservedRunWriter writer, TimeProvider clock) : IMaasClient, IAsyncDisposable
{
    public const int Batch = 500;

    private readonly ConcurrentQueue<ObservedRun> _pending = new();
    private readonly SemaphoreSlim _writing = new(1, 1);

    public Task<IngestResponse> IngestAsync(IngestRequest request, CancellationToken ct = default) => inner.IngestAsync(request, ct);

    public Task<int> ForgetUserAsync(string userId, string? deploymentId = null, CancellationToken ct = default) =>
        inner.ForgetUserAsync(userId, deploymentId, ct);

    public Task<FeedbackResponse> SendFeedbackAsync(FeedbackRequest request, CancellationToken ct = default) =>
        inner.SendFeedbackAsync(request, ct);

    public async Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var at = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        QueryResponse response;
        try
        {
            response = await inner.QueryAsync(request, ct);
        }
        catch (Exception e) when (e is MaasException or HttpRequestException or TaskCanceledException)
        {
            _pending.Enqueue(ObservedRun.Failed(at, request, e, watch.Elapsed.TotalMilliseconds));
            throw;
        }
        _pending.Enqueue(ObservedRun.Answered(at, request, response, watch.Elapsed.TotalMilliseconds));
        if (_pending.Count >= Batch && _writing.Wait(0))
        {
            try
            {
                await WriteAsync(ct);
            }
            catch (NpgsqlException)
            {
                // The batch stays queued; the final flush writes it or reports why it cannot. The query itself succeeded.
            }
            finally
            {
                _writing.Release();
            }
        }
        return response;
    }

    /// <summary>Writes every observation kept so far.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await _writing.WaitAsync(ct);
        try
        {
            await WriteAsync(ct);
        }
        finally
        {
            _writing.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _writing.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        var batch = new List<ObservedRun>();
        while (_pending.TryDequeue(out var run))
            batch.Add(run);
        try
        {
            await writer.WriteAsync(batch, ct);
        }
        catch
        {
            foreach (var run in batch)
                _pending.Enqueue(run);
            throw;
        }
    }
}
