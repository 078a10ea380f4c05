using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Feedback;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Querying;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>
/// The baseline MaaS: the Student's handlers called directly, as the HTTP endpoints call them, without sockets, JSON,
/// authentication or routing. A 400 becomes a <see cref="MaasException"/>, as <see cref="HttpMaasClient"/> raises it.
/// </summary>
internal sealed class InProcessMaas(IngestMemories ingest, AnswerQuestion answer, ForgetUser forget, RecordFeedback feedback) : IMaasClient
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

    public async Task<FeedbackResponse> SendFeedbackAsync(FeedbackRequest request, CancellationToken ct = default)
    {
        var (stored, refusal, problem) = await feedback.HandleAsync(request, "benchmark", ct);
        return refusal switch
        {
            null => stored!,
            FeedbackRefusal.UnknownRun => throw new MaasException(404, problem!),
            FeedbackRefusal.AnotherUsersRun => throw new MaasException(403, problem!),
            FeedbackRefusal.AlreadyRated => throw new MaasException(409, problem!),
            _ => throw new MaasException(400, problem!),
        };
    }
}
