
namespace SelfLearn.Agents.Maas;

/// <summary>How SelfLearn talks to a memory service under test: over the /maas/v1 HTTP contract only.</summary>
public interface IMaasClient
{
    Task<IngestResponse> IngestAsync(IngestRequest request, CancellationToken ct = default);

    Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken ct = default);

    Task<int> ForgetUserAsync(string userId, string? deploymentId = null, CancellationToken ct = default);

    Task<FeedbackResponse> SendFeedbackAsync(FeedbackRequest request, CancellationToken ct = default);
}
