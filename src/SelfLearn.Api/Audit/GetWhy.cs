using System.Text.Json;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Audit.Why;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Projections.Configuration;
using Wolverine.Http;

namespace SelfLearn.Api.Audit;

public sealed record WhyStep(
    string Event,
    long Sequence,
    Guid EventId,
    DateTimeOffset At,
    string By,
    string? Reason,
    int? ConfigVersion,
    JsonElement? From,
    JsonElement? To,
    ChangeLinks? Links,
    string Summary);

/// <summary><see cref="Chain"/>: the factor's definition and configuration events; <see cref="Decisions"/>: goal to activation (<see cref="TraceWhy"/>).</summary>
public sealed record WhyAnswer(
    string DeploymentId, string Factor, JsonElement Value, int ActiveVersion, IReadOnlyList<WhyStep> Chain,
    IReadOnlyList<WhyLink> Decisions, IReadOnlyList<string> Missing);

[Tags("Audit")]
public static class GetWhy
{
    /// <summary>
    /// Why a factor has its current value: the factor's definition, the version that introduced the value,
    /// and the activation or rollback that made it effective — in event order, each with who, when, why and links; and the
    /// decisions behind it, goal to activation, with the links a manual change does not have named as missing.
    /// </summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/why/{factorKey}", OperationId = "WhyFactor", Summary = "Explain why a factor has its current value")]
    [ProducesResponseType<WhyAnswer>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404)]
    public static async Task<IResult> Get(string id, string factorKey, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Deployment>(id, ct) is not { ActiveVersion: { } active } deployment)
            return Problems.NotFound($"no deployment '{id}'.");
        if (!deployment.ActiveParameters.TryGetValue(factorKey, out var value))
            return Problems.NotFound($"'{factorKey}' is not a factor of deployment '{id}'.");

        var chain = new List<WhyStep>();
        chain.AddRange(DefinitionSteps(await session.Events.FetchStreamAsync(factorKey, token: ct)));
        if (await OriginVersion(session, id, active, factorKey, ct) is { } origin)
        {
            var change = origin.Changes.First(c => c.Key == factorKey);
            chain.Add(new WhyStep(nameof(ConfigVersionCreated), origin.Sequence, origin.EventId, origin.CreatedAt, origin.By, origin.Reason,
                origin.ConfigVersion, change.From, change.To, origin.Links,
                $"version {origin.ConfigVersion} (from {Parent(origin)}) set {factorKey} to {change.To}; initiated by {origin.Initiator}"));
        }

        var lastChange = await session.Query<ChangeLogEntry>()
            .Where(c => c.DeploymentId == id && c.Factor == factorKey)
            .OrderByDescending(c => c.Sequence).FirstOrDefaultAsync(ct);
        if (lastChange is not null)
            chain.Add(new WhyStep(EventName(lastChange.Kind), lastChange.Sequence, lastChange.EventId, lastChange.At, lastChange.By,
                lastChange.Reason, lastChange.ConfigVersion, lastChange.From, lastChange.To, lastChange.Links,
                $"{lastChange.Kind} version {lastChange.ConfigVersion}: {factorKey} became {lastChange.To}"));

        var current = await session.Query<ConfigPeriod>().Where(p => p.DeploymentId == id)
            .OrderByDescending(p => p.ValidFromTicks).FirstOrDefaultAsync(ct);
        if (current is not null && current.EventId != lastChange?.EventId)
            chain.Add(new WhyStep(EventName(current.Kind), current.Sequence, current.EventId, current.ValidFrom, current.By, current.Reason,
                current.ConfigVersion, value, value, current.Links,
                $"{current.Kind} version {current.ConfigVersion}, which kept {factorKey} = {value}"));

        var decisions = await TraceWhy.RunAsync(session, id, factorKey, ct);
        return Results.Ok(new WhyAnswer(id, factorKey, value, active, [.. chain.OrderBy(s => s.Sequence)], decisions!.Chain, decisions.Missing));
    }

    private static IEnumerable<WhyStep> DefinitionSteps(IReadOnlyList<IEvent> factorEvents) => factorEvents.Select(e => e.Data switch
    {
        FactorRegistered r => new WhyStep(nameof(FactorRegistered), e.Sequence, e.Id, e.Timestamp, r.By, null, null, null, r.Default, null,
            $"registered as {r.Type.ToString().ToLowerInvariant()} in the {r.Zone.ToString().ToLowerInvariant()} zone, default {r.Default}"),
        FactorBoundsChanged b => new WhyStep(nameof(FactorBoundsChanged), e.Sequence, e.Id, e.Timestamp, b.By, b.Reason, null, null, b.Default, null,
            $"bounds set to min {b.Bounds.Min}, max {b.Bounds.Max}, step {b.Bounds.Step}; default {b.Default}"),
        FactorZoneChanged z => new WhyStep(nameof(FactorZoneChanged), e.Sequence, e.Id, e.Timestamp, z.By, z.Reason, null, null, null, null,
            $"zone changed from {z.From.ToString().ToLowerInvariant()} to {z.To.ToString().ToLowerInvariant()}"),
        _ => null,
    }).OfType<WhyStep>();

    /// <summary>Walks the active version's lineage back to the version whose own changes introduced the factor's value.</summary>
    private static async Task<ConfigVersionView?> OriginVersion(IQuerySession session, string id, int active, string key, CancellationToken ct)
    {
        var version = await session.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor(id, active), ct);
        while (version is not null && !version.Changes.Any(c => c.Key == key) && version.ParentVersion is { } parent)
            version = await session.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor(id, parent), ct);
        return version is not null && version.Changes.Any(c => c.Key == key) ? version : null;
    }

    private static string Parent(ConfigVersionView v) => v.ParentVersion is { } p ? $"version {p}" : "the catalog defaults";

    private static string EventName(string kind) => kind == "rolled-back" ? nameof(ConfigRolledBack) : nameof(ConfigVersionActivated);
}
