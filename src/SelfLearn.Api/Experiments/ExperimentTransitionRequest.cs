using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Domain.Experiments;

namespace SelfLearn.Api.Experiments;

/// <summary>The body of start, stop, complete and abort: why (optional) and the experiment's version the client read (optional).</summary>
public sealed record ExperimentTransitionRequest(string? Reason, long? ExpectedVersion);

public static class ExperimentTransitionResponse
{
    /// <summary>The refusal (404 unknown experiment, 409 a transition its status does not allow or a lost race), or the experiment after it.</summary>
    public static async Task<IResult> RespondAsync(TunerOutcome outcome, string experimentId, IQuerySession session, CancellationToken ct) =>
        Problems.Refusal(outcome) ?? Results.Ok(await session.LoadAsync<Experiment>(Experiment.StreamKey(experimentId), ct));
}
