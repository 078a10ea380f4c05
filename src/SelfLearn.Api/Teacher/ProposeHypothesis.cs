using System.Security.Claims;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Teacher.Proposals;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Proposals;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Teacher.Hypotheses.ProposeHypothesis;

namespace SelfLearn.Api.Teacher;

public sealed record ProposeHypothesisRequest(
    string? Id,
    string? DeploymentId,
    int? BaseVersion,
    string? Factor,
    ChangeDirection? Direction,
    IReadOnlyList<JsonElement>? Values,
    Dictionary<string, MetricEffect>? ExpectedEffect,
    string? Rationale,
    IReadOnlyList<string>? Evidence,
    IReadOnlyList<SegmentObservation>? Observations,
    string? ExperimentId);

public static class ProposeHypothesis
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/hypotheses", OperationId = "ProposeHypothesis")]
    public static async Task<IResult> Post(
        ProposeHypothesisRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (request.Direction is not { } direction)
            return Problems.BadRequest("'direction' is required: \"up\", \"down\" or \"set\".");
        if (request.Observations?.Any(o => o is null) == true)
            return Problems.BadRequest("'observations' hold objects {metric, segment, value, baselineValue, count, significance}, not null.");

        var id = request.Id ?? ProposalIds.NewHypothesisId();
        var draft = new HypothesisDraft(request.DeploymentId ?? RecordRecommendation.DefaultDeployment, request.BaseVersion, request.Factor ?? "",
            direction, request.Values ?? [], request.ExpectedEffect ?? [], request.Rationale ?? "", request.Evidence ?? [], request.Observations ?? [],
            ProposalSource.Human, request.ExperimentId);
        var outcome = await bus.InvokeAsync<TunerOutcome>(new Command(id, draft, user.Name()), ct);
        return Problems.Refusal(outcome)
            ?? Results.Created($"/api/hypotheses/{id}", await session.LoadAsync<Hypothesis>(Hypothesis.StreamKey(id), ct));
    }
}
