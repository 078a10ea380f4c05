using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Experiments;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Tuner.RegisterExperiment;

namespace SelfLearn.Api.Experiments;

/// <summary>
/// An experiment and its design. The first five members are the body before designs existed and keep working alone:
/// the first variant is then the baseline and every design default applies (docs/API.md).
/// </summary>
public sealed record RegisterExperimentRequest(
    string? Id,
    string? DeploymentId,
    IReadOnlyList<ExperimentVariant>? Variants,
    AssignmentUnit? AssignmentUnit,
    string? Description,
    HypothesisProposal? Hypothesis = null,
    IReadOnlyList<PrimaryMetricProposal?>? PrimaryMetrics = null,
    IReadOnlyList<GuardMetricProposal?>? GuardMetrics = null,
    double? Alpha = null,
    double? Power = null,
    ExperimentMode? Mode = null,
    DatasetProposal? Dataset = null,
    IReadOnlyList<string?>? Segments = null)
{
    public DesignProposal Design() => new(Hypothesis, PrimaryMetrics, GuardMetrics, Alpha, Power, Mode, Dataset, Segments);
}

public static class RegisterExperiment
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/experiments", OperationId = "RegisterExperiment")]
    public static async Task<IResult> Post(
        RegisterExperimentRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if ((Require.Text(request.Id, "id") ?? Require.Text(request.DeploymentId, "deploymentId")
                ?? Require.OptionalText(request.Description, "description")) is { } invalid)
            return invalid;
        if (request.Variants is null || request.Variants.Any(v => v is null || string.IsNullOrWhiteSpace(v.Name)))
            return Problems.BadRequest("'variants' is required: a list of {\"name\", \"configVersion\", \"role\"} (role optional).");

        var outcome = await bus.InvokeAsync<TunerOutcome>(new Command(request.Id!, request.DeploymentId!,
            request.Variants, request.AssignmentUnit ?? AssignmentUnit.User, request.Description, user.Name(), request.Design()), ct);
        return Problems.Refusal(outcome)
            ?? Results.Created($"/api/experiments/{request.Id}", await session.LoadAsync<Experiment>(Experiment.StreamKey(request.Id!), ct));
    }
}
