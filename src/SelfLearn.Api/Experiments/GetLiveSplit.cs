using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Experiments.Live;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Experiments;
using Wolverine.Http;

namespace SelfLearn.Api.Experiments;

/// <summary>An online experiment's live split, window by window: units per variant, planned shares and the sample-ratio check.</summary>
public sealed record LiveSplitReport(
    string ExperimentId,
    string DeploymentId,
    AssignmentUnit AssignmentUnit,
    string Status,
    int WindowSeconds,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<LiveSrmWindow> Windows);

public static class GetLiveSplit
{
    public const int MaxWindows = 1440;

    /// <summary>
    /// Windows of <c>Online:WindowSeconds</c>, aligned to the Unix epoch, from the window holding <c>from</c> (default: the
    /// experiment's start) up to <c>to</c> (default: its end, or now while it runs).
    /// </summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/experiments/{id}/live-split", OperationId = "GetLiveSplit")]
    public static async Task<IResult> Get(
        string id, string? from, string? to, IQuerySession session, LiveSampleRatio ratio, IOptions<OnlineOptions> online, TimeProvider clock,
        CancellationToken ct)
    {
        if (Require.OptionalTimestamp(from, "from", out var start) is { } badFrom)
            return badFrom;
        if (Require.OptionalTimestamp(to, "to", out var end) is { } badTo)
            return badTo;
        if (await session.LoadAsync<Experiment>(Experiment.StreamKey(id), ct) is not { } experiment)
            return Problems.NotFound($"no experiment '{id}'.");
        if (experiment.Design.Mode != ExperimentMode.Online)
            return Problems.BadRequest($"experiment '{id}' is offline: the emulator plays it, so it splits no live traffic.");

        var options = online.Value;
        var (first, last) = (start ?? experiment.StartedAt, end ?? experiment.EndedAt ?? clock.GetUtcNow());
        var report = new LiveSplitReport(experiment.ExperimentId, experiment.DeploymentId, experiment.AssignmentUnit, experiment.Status,
            options.WindowSeconds, null, null, []);
        if (first is null)
            return Results.Ok(report);

        var aligned = options.WindowStart(first.Value);
        if (last <= aligned)
            return Problems.BadRequest($"'to' ({last:O}) must come after 'from' ({first:O}).");
        if ((last - aligned) / options.Window > MaxWindows)
            return Problems.BadRequest($"ask for at most {MaxWindows} windows of {options.WindowSeconds} s at a time.");
        return Results.Ok(report with { From = aligned, To = last, Windows = await ratio.WindowsAsync(experiment, aligned, last, options.Window, ct) });
    }
}
