using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Teacher.Recommendations;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Teacher.Online.SetDegradationRule;

namespace SelfLearn.Api.Teacher.Online;

/// <summary>A deployment-wide degradation rule: the shape of a recommendation's rollback condition, plus why it is set.</summary>
public sealed record SetDegradationRuleRequest(
    string? Metric,
    RuleComparison? Comparison,
    double? MaxDrop,
    double? Limit,
    int? Windows,
    int? WindowSeconds,
    int? MinSamples,
    string? Reason,
    long? ExpectedVersion);

[Tags("Teacher: degradation rules")]
public static class SetDegradationRule
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePut("/api/deployments/{id}/rules/{name}", OperationId = "SetDegradationRule", Summary = "Set a deployment-wide degradation rule")]
    [ProducesResponseType<DegradationRules>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Put(
        string id, string name, SetDegradationRuleRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if ((Require.Text(request.Metric, "metric") ?? Require.Text(request.Reason, "reason")) is { } invalid)
            return invalid;
        if (request.Windows is null)
            return Problems.BadRequest("'windows' is required: how many evaluation windows in a row must fail before the rule fires.");
        var rule = new RollbackCondition(request.Metric!, request.MaxDrop ?? 0, request.Windows.Value)
        {
            Comparison = request.Comparison, Limit = request.Limit, WindowSeconds = request.WindowSeconds, MinSamples = request.MinSamples,
        };
        var outcome = await bus.InvokeAsync<TunerOutcome>(new Command(id, name, rule, request.Reason!, user.Name(), request.ExpectedVersion), ct);
        return Problems.Refusal(outcome) ?? Results.Ok(await DegradationRuleQueries.RulesAsync(session, id, ct));
    }
}
