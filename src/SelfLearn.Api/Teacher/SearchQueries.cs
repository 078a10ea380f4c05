using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Search;
using Wolverine.Http;

namespace SelfLearn.Api.Teacher;

/// <summary>One recorded trial as the trials page shows it: the event's data and when it was recorded.</summary>
public sealed record SearchTrialView(
    int Number,
    int? Fold,
    IReadOnlyList<string> Conversations,
    int Questions,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    double Objective,
    IReadOnlyDictionary<string, double> Metrics,
    bool Feasible,
    double ElapsedMs,
    bool FullFidelity,
    DateTimeOffset RecordedAt);

/// <summary>The Teacher's searches as recorded: the list, one summary, its trials page by page, its Pareto front.</summary>
public static class SearchQueries
{
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/searches", OperationId = "ListSearches")]
    public static async Task<IResult> Searches(string? status, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (status is not null && !SearchStatus.All.Contains(status, StringComparer.Ordinal))
            return Problems.BadRequest($"'status' is one of: {string.Join(", ", SearchStatus.All)}.");
        if (Require.Limit(limit) is { } invalid)
            return invalid;
        var query = session.Query<SearchSummary>().AsQueryable();
        if (status is not null)
            query = query.Where(s => s.Status == status);
        return Results.Ok(await query.OrderByDescending(s => s.StartedAt).ThenBy(s => s.Id).Take(limit ?? 100).ToListAsync(ct));
    }

    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/searches/{id}", OperationId = "GetSearch")]
    public static async Task<IResult> Search(string id, IQuerySession session, CancellationToken ct) =>
        BadId(id) ?? (await session.LoadAsync<SearchSummary>(SearchSummary.StreamKey(id), ct) is { } search
            ? Results.Ok(search)
            : Problems.NotFound($"no search '{id}'."));

    /// <summary>Trials in number order from <paramref name="fromNumber"/>. Trials are numbered on from 1 right after the start, so trial n is stream version n + 1.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/searches/{id}/trials", OperationId = "ListSearchTrials")]
    public static async Task<IResult> Trials(string id, int? fromNumber, int? limit, IQuerySession session, CancellationToken ct)
    {
        if ((BadId(id) ?? Require.Limit(limit)) is { } invalid)
            return invalid;
        if (fromNumber is < 1)
            return Problems.BadRequest("'fromNumber' is a trial number, at least 1.");
        var key = SearchSummary.StreamKey(id);
        if (await session.LoadAsync<SearchSummary>(key, ct) is null)
            return Problems.NotFound($"no search '{id}'.");
        var fromVersion = (fromNumber ?? 1) + 1L;
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey == key && e.Version >= fromVersion && e.EventTypesAre(typeof(SearchTrialRecorded)))
            .OrderBy(e => e.Version)
            .Take(limit ?? 100)
            .ToListAsync(ct);
        return Results.Ok(events.Select(View).ToList());
    }

    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/searches/{id}/pareto", OperationId = "GetSearchPareto")]
    public static async Task<IResult> Pareto(string id, IQuerySession session, CancellationToken ct) =>
        BadId(id) ?? (await session.LoadAsync<SearchPareto>(SearchSummary.StreamKey(id), ct) is { } pareto
            ? Results.Ok(pareto)
            : Problems.NotFound($"no search '{id}'."));

    private static IResult? BadId(string id) =>
        OpenDeployment.IdPattern().IsMatch(id) ? null : Problems.BadRequest("a search id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit.");

    private static SearchTrialView View(IEvent e)
    {
        var trial = (SearchTrialRecorded)e.Data;
        return new SearchTrialView(trial.Number, trial.Fold, trial.Conversations, trial.Questions, trial.Parameters, trial.Objective, trial.Metrics,
            trial.Feasible, trial.ElapsedMs, trial.FullFidelity, e.Timestamp);
    }
}
