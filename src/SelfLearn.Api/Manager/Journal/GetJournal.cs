using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Manager.Journal;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Projections.Manager.Journal;
using Wolverine.Http;

namespace SelfLearn.Api.Manager.Journal;

[Tags("Manager: journal")]
public static class GetJournal
{
    /// <summary>The learning journal, oldest first: one row per learning event, optionally a goal's or a cycle's, from a global sequence on.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/journal", OperationId = "GetJournal", Summary = "Read the learning journal")]
    [ProducesResponseType<IReadOnlyList<JournalEntry>>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404)]
    public static async Task<IResult> Get(string? goalId, string? cycleId, long? from, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (Require.Limit(limit) is { } invalid)
            return invalid;
        if (from is < 0)
            return Problems.BadRequest("'from' is a global event sequence: 0 or more.");
        var page = await ReadJournal.RunAsync(session, new JournalQuery(goalId, cycleId, from, limit ?? 100), ct);
        return page.Unknown switch
        {
            "cycle" => Problems.NotFound($"no cycle '{cycleId}'."),
            "goal" => Problems.NotFound($"no goal '{goalId}'."),
            _ => Results.Ok(page.Rows),
        };
    }
}
