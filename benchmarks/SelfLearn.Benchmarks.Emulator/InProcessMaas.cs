using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Querying;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>
/// The baseline MaaS: the Student's handlers called directly, as the HTTP endpoints call them, without sockets, JSON,
/// authentication or routing. A 400 becomes a <see cref="MaasException"/>, as <see cref="HttpMaasClient"/> raises it.
/// </summary>
internal sealed class InProcessMaas(IngestMemories ingest, AnswerQuestion answer, ForgetUser forget) : IMaasClient
{
    public async Task<IngestResponse> IngestAsync(IngestRequest request, CancellationToken ct = default)
    {
        var (ids, error) = await ingest.HandleAsync(request, ct);
        return error is null ? new IngestResponse(ids!) : throw new MaasException(400, error);
    }

    public async Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken ct = default)
    {
        var (response, error) = await answer.HandleAsync(request, ct);
        return error is null ? response! : throw new MaasException(400, error);
    }

    public Task<int> ForgetUserAsync(string userId, string? deploymentId = null, CancellationToken ct = default) =>
        forget.HandleAsync(userId, deploymentId, ct);
}
