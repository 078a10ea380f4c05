using System.Collections.Concurrent;
using System.Diagnostics;
using SelfLearn.Agents.Maas;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>Client-side wall time of every ingest and query, as the emulator sees it (queueing on 2 cores included).</summary>
internal sealed class TimedMaas(IMaasClient inner) : IMaasClient
{
    private readonly ConcurrentQueue<double> _ingests = new();
    private readonly ConcurrentQueue<double> _queries = new();

    public RequestTimes Times() => new(LatencySummary.From(_ingests), LatencySummary.From(_queries));

    public async Task<IngestResponse> IngestAsync(IngestRequest request, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await inner.IngestAsync(request, ct);
        _ingests.Enqueue(Stats.Milliseconds(started));
        return response;
    }

    public async Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await inner.QueryAsync(request, ct);
        _queries.Enqueue(Stats.Milliseconds(started));
        return response;
    }

    public Task<int> ForgetUserAsync(string userId, string? deploymentId = null, CancellationToken ct = default) =>
        inner.ForgetUserAsync(userId, deploymentId, ct);

    public Task<FeedbackResponse> SendFeedbackAsync(FeedbackRequest request, CancellationToken ct = default) =>
        inner.SendFeedbackAsync(request, ct);
}

/// <summary>Per-request wall time seen by the emulator, in milliseconds.</summary>
internal sealed record RequestTimes(LatencySummary Ingest, LatencySummary Query);
