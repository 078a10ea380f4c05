using Marten;
using SelfLearn.Agents.Manager.Cycles;
using SelfLearn.Api.Errors;
using SelfLearn.Domain.Manager.Cycles;

namespace SelfLearn.Api.Manager.Cycles;

public static class CycleResponses
{
    /// <summary>400 for a goal the cycle cannot serve, 404 for an unknown cycle, 409 for a control its state refuses; null when accepted.</summary>
    public static IResult? Refusal(CycleOutcome outcome) => outcome.Status switch
    {
        CycleOutcomeStatus.Accepted => null,
        CycleOutcomeStatus.NotFound => Problems.NotFound(string.Join(" ", outcome.Problems)),
        CycleOutcomeStatus.Conflict => Problems.Conflict(string.Join(" ", outcome.Problems)),
        _ => Problems.BadRequest($"The cycle was not started: {string.Join(" ", outcome.Problems)}"),
    };

    public static async Task<IResult> RespondAsync(CycleOutcome outcome, IQuerySession session, CancellationToken ct) =>
        Refusal(outcome) ?? Results.Ok(await session.LoadAsync<Cycle>(Cycle.StreamKey(outcome.CycleId), ct));
}
