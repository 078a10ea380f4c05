using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Experiments.Live;
using SelfLearn.Agents.Manager.Alerts;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Manager.Alerts;
using SelfLearn.Projections.Experiments;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// The sample-ratio check on every window of a running online experiment: each occurrence of the monitor tests the
/// windows that closed since the previous one (<see cref="LiveSampleRatio"/>), and a mismatch raises one <see cref="AlertKind.SampleRatioMismatch"/> alert
/// per experiment and window (id <c>srm-&lt;experiment&gt;-&lt;window start, Unix seconds&gt;</c>) with the window's figures.
/// </summary>
public sealed class WatchSampleRatio(IDocumentStore store, LiveSampleRatio ratio, IOptions<OnlineOptions> options, TimeProvider clock)
{
    public const string By = "system:online-monitor";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The alerts raised now: each window that closed within the last monitor period (and the one before it, in case an
    /// occurrence ran late) is tested; none when no online experiment runs, every window matched its plan, or its alert was raised before.
    /// </summary>
    public async Task<IReadOnlyList<AlertRaised>> RunAsync(string deploymentId, CancellationToken ct)
    {
        LiveSplit? split;
        await using (var query = store.QuerySession())
            split = await query.LoadAsync<LiveSplit>(deploymentId, ct);
        if (split is null)
            return [];
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var end = settings.WindowStart(now);
        var period = TimeSpan.FromSeconds(Math.Max(settings.EvaluateSeconds, settings.WindowSeconds));
        var raised = new List<AlertRaised>();
        for (var start = settings.WindowStart(now - period) - settings.Window; start < end; start += settings.Window)
            if (await ratio.CheckAsync(split.ExperimentId, start, start + settings.Window, ct) is { Mismatch: true } window
                && await RaiseAsync(deploymentId, split.ExperimentId, window, ct) is { } alert)
                raised.Add(alert);
        return raised;
    }

    private async Task<AlertRaised?> RaiseAsync(string deploymentId, string experimentId, LiveSrmWindow window, CancellationToken ct)
    {
        var start = window.Start;
        var alertId = string.Create(CultureInfo.InvariantCulture, $"srm-{experimentId}-{start.ToUnixTimeSeconds()}");
        var units = string.Join(", ", window.Variants.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Variant} {v.Units} (planned {v.PlannedShare:0.###})")));
        var alert = new AlertRaised(alertId, AlertKind.SampleRatioMismatch, deploymentId, experimentId,
            string.Create(CultureInfo.InvariantCulture,
                $"experiment {experimentId}: the units of the window from {start:O} do not match the planned split ({units}; χ² = {window.ChiSquare:0.###}, p = {window.P:0.######}); its verdict would be invalid."),
            JsonSerializer.SerializeToElement(window, Json), By);
        await using var session = store.LightweightSession();
        RaiseAlert.Start(session, alert);
        try
        {
            await session.SaveChangesAsync(ct);
            return alert;
        }
        catch (Exception e) when (ConcurrencyErrors.IsConflict(e))
        {
            return null; // raised before, by this process's previous occurrence or another node
        }
    }
}
