using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Verdicts;
using Wolverine.Http;

namespace SelfLearn.Api.Experiments;

/// <summary>An experiment's measurements and its latest verdict (docs/TEACHER.md, "Verdicts").</summary>
public static class ExperimentVerdicts
{
    /// <summary>Aggregates per variant and segment of the design's metrics (or the ones named), computed now in PostgreSQL.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/experiments/{id}/results", OperationId = "GetExperimentResults")]
    public static async Task<IResult> Results(string id, string[]? metric, string[]? segment, IQuerySession session, AggregateMetrics metrics,
        ExperimentRuns runs, CancellationToken ct)
    {
        if (await session.LoadAsync<Experiment>(Experiment.StreamKey(id), ct) is not { } experiment)
            return Problems.NotFound($"no experiment '{id}'.");
        var request = new MetricRequest(new MetricScope(id),
            metric is { Length: > 0 } ? metric : VerdictSettings.MetricsOf(experiment.Design),
            segment is { Length: > 0 } ? segment : experiment.Design.Segments);
        if (request.Validate() is { } invalid)
            return Problems.BadRequest(invalid);
        if (await runs.CountAsync(id, ct) == 0)
            return Problems.Conflict($"experiment '{id}' has no runs yet: simulate it or send it traffic first.");
        try
        {
            return Microsoft.AspNetCore.Http.Results.Ok(new { experimentId = id, aggregates = await metrics.PerVariantAsync(request, ct) });
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/experiments/{id}/verdict", OperationId = "GetExperimentVerdict")]
    public static async Task<IResult> Verdict(string id, IDocumentStore store, CancellationToken ct) =>
        await LatestVerdict.LoadAsync(store, id, ct) is { } verdict
            ? Microsoft.AspNetCore.Http.Results.Ok(verdict)
            : Problems.NotFound($"experiment '{id}' has no verdict: evaluate it first.");
}
