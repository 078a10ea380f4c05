using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Online;
using Wolverine.Http;

namespace SelfLearn.Api.Teacher.Online;

[Tags("Teacher: online")]
public static class GetQuestionMix
{
    /// <summary>Live questions by kind per window next to a golden dataset version's mix, with the Jensen–Shannon divergence (docs/ONLINE.md).</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/deployments/{id}/online/question-mix", OperationId = "GetQuestionMix", Summary = "Compare live traffic's question mix with a golden dataset's")]
    [ProducesResponseType<QuestionMix>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404)]
    public static async Task<IResult> Get(
        string id, string? dataset, int? version, string? from, string? to, IQuerySession session, ReadQuestionMix mix, IOptions<OnlineOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(dataset))
            return Problems.BadRequest("'dataset' names the golden dataset to compare live traffic with (e.g. builtin).");
        if (version is < 1)
            return Problems.BadRequest("'version' is a dataset version number, 1 or more.");
        var end = clock.GetUtcNow();
        if (to is not null && !Require.TryParseTimestamp(to, out end))
            return Problems.BadRequest($"'to' must be an ISO-8601 timestamp, got '{to}'.");
        var start = end - TimeSpan.FromHours(1);
        if (from is not null && !Require.TryParseTimestamp(from, out start))
            return Problems.BadRequest($"'from' must be an ISO-8601 timestamp, got '{from}'.");
        if (start >= end)
            return Problems.BadRequest("'from' must be before 'to'.");
        if ((end - start) / options.Value.Window > ReadQuestionMix.MaxWindows)
            return Problems.BadRequest($"the range spans more than {ReadQuestionMix.MaxWindows} windows of {options.Value.WindowSeconds} s; ask for a shorter one.");
        if (await session.LoadAsync<Deployment>(id, ct) is null)
            return Problems.NotFound($"no deployment '{id}'.");

        var (result, missing) = await mix.RunAsync(id, dataset, version, start, end, ct);
        return result is null ? Problems.NotFound(missing!) : Results.Ok(result);
    }
}
