using SelfLearn.Agents.Maas;

namespace SelfLearn.Api.Tests.Experiments;

/// <summary>A MaaS client that remembers through the real one, then breaks on the first question.</summary>
public sealed class FailingOnFirstQuery(IMaasClient inner) : IMaasClient
{
    public int Ingested { get; private set; }

    public async Task<IngestResponse> IngestAsync(IngestRequest request, CancellationToken ct = default)
    {
        var response = await inner.IngestAsync(request, ct);
        Ingested += response.MemoryIds.Count;
        return response;
    }

    public Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken ct = default) =>
        throw new InvalidOperationException("the emulator broke");

    public Task<int> ForgetUserAsync(string userId, string? deploymentId = null, CancellationToken ct = default) =>
        inner.ForgetUserAsync(userId, deploymentId, ct);

    public Task<FeedbackResponse> SendFeedbackAsync(FeedbackRequest request, CancellationToken ct = default) =>
        inner.SendFeedbackAsync(request, ct);
}
