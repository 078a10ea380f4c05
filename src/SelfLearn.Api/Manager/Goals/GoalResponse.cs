using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Domain.Manager.Goals;

namespace SelfLearn.Api.Manager.Goals;

/// <summary>The body of confirm: the goal's version as the client read it (optional; a goal that moved on is a 409).</summary>
public sealed record GoalStepRequest(long? ExpectedVersion);

public static class GoalResponse
{
    /// <summary>
    /// A refusal (400 a goal the rules refuse, naming each rule it breaks; 404 an unknown goal; 409 a step its status does
    /// not allow or a lost race), or the goal after the change.
    /// </summary>
    public static async Task<IResult> RespondAsync(TunerOutcome outcome, string goalId, IQuerySession session, CancellationToken ct) =>
        Refusal(outcome) ?? Results.Ok(await session.LoadAsync<Goal>(Goal.StreamKey(goalId), ct));

    public static IResult? Refusal(TunerOutcome outcome) => outcome.Status switch
    {
        TunerStatus.Accepted => null,
        TunerStatus.Rejected => Problems.BadRequest(string.Join(" ", outcome.Violations.Select(v => v.Message)), outcome.Violations),
        _ => Problems.Refusal(outcome),
    };
}
