using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Feedback;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Querying;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using Wolverine.Http;

namespace SelfLearn.Api.Maas;

public static class IngestMemoriesEndpoint
{
    public const long MaxBodyBytes = 30_000_000;

    [Authorize(Policy = Policies.Maas)]
    [WolverinePost("/maas/v1/memories", OperationId = "IngestMemories")]
    [RequestSizeLimit(MaxBodyBytes)]
    public static async Task<IResult> Post(IngestRequest request, IngestMemories ingest, CancellationToken ct)
    {
        var (ids, error) = await ingest.HandleAsync(request, ct);
        return error is not null ? Problems.BadRequest(error) : Results.Created((string?)null, new IngestResponse(ids!));
    }
}

public static class QueryEndpoint
{
    [Authorize(Policy = Policies.Maas)]
    [WolverinePost("/maas/v1/query", OperationId = "QueryMemories")]
    public static async Task<IResult> Post(QueryRequest request, AnswerQuestion answer, CancellationToken ct)
    {
        var (response, error) = await answer.HandleAsync(request, ct);
        return error is not null ? Problems.BadRequest(error) : Results.Ok(response);
    }
}

public static class ForgetUserEndpoint
{
    [Authorize(Policy = Policies.Maas)]
    [WolverineDelete("/maas/v1/users/{userId}", OperationId = "ForgetUser")]
    public static async Task<IResult> Delete(string userId, string? deploymentId, ForgetUser forget, CancellationToken ct) =>
        Results.Ok(new ForgetResponse(await forget.HandleAsync(userId, deploymentId, ct)));
}

public static class FeedbackEndpoint
{
    [Authorize(Policy = Policies.Maas)]
    [WolverinePost("/maas/v1/feedback", OperationId = "SendFeedback")]
    public static async Task<IResult> Post(FeedbackRequest request, RecordFeedback record, HttpContext http, CancellationToken ct)
    {
        var (stored, refusal, problem) = await record.HandleAsync(request, http.User.Name(), ct);
        return refusal switch
        {
            null => Results.Created((string?)null, stored),
            FeedbackRefusal.UnknownRun => Problems.NotFound(problem!),
            FeedbackRefusal.AnotherUsersRun => Problems.Forbidden(problem!),
            FeedbackRefusal.AlreadyRated => Problems.Conflict(problem!),
            _ => Problems.BadRequest(problem!),
        };
    }
}
