using System.Net.Http.Json;

namespace SelfLearn.Agents.Maas;

/// <summary>
/// The /maas/v1 client. Its HttpClient's base address and X-Api-Key come from configuration (<c>Maas:BaseUrl</c>,
/// <c>Maas:ApiKey</c>); any service implementing docs/MAAS_CONTRACT.md can stand behind it.
/// </summary>
public sealed class HttpMaasClient(HttpClient http) : IMaasClient
{
    public async Task<IngestResponse> IngestAsync(IngestRequest request, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync("maas/v1/memories", request, ct);
        return await Read<IngestResponse>(response, ct);
    }

    public async Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync("maas/v1/query", request, ct);
        return await Read<QueryResponse>(response, ct);
    }

    public async Task<int> ForgetUserAsync(string userId, string? deploymentId = null, CancellationToken ct = default)
    {
        var url = $"maas/v1/users/{Uri.EscapeDataString(userId)}" + (deploymentId is null ? "" : $"?deploymentId={Uri.EscapeDataString(deploymentId)}");
        using var response = await http.DeleteAsync(url, ct);
        return (await Read<ForgetResponse>(response, ct)).Deleted;
    }

    public async Task<FeedbackResponse> SendFeedbackAsync(FeedbackRequest request, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync("maas/v1/feedback", request, ct);
        return await Read<FeedbackResponse>(response, ct);
    }

    private static async Task<T> Read<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new MaasException((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        return await response.Content.ReadFromJsonAsync<T>(ct) ?? throw new MaasException((int)response.StatusCode, "empty body");
    }
}

public sealed record ForgetResponse(int Deleted);

public sealed class MaasException(int status, string body) : Exception($"MaaS answered {status}: {body}")
{
    public int Status { get; } = status;
}
