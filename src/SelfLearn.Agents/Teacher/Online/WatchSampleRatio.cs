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
/// The sample-ratio check on every window of a running online experiment: the window that closed last before now is
/// tested (<see cref="LiveSampleRatio"/>), and a mismatch raises one <see cref="AlertKind.SampleRatioMismatch"/> alert
/// per experiment and window (id <c>srm-&lt;experiment&gt;-&lt;window start, Unix seconds&gt;</c>) with the window's figures.
/// </summary>
public sealed class WatchSampleRatio(IDocumentStore store, LiveSampleRatio ratio, IOptions<OnlineOptions> options, TimeProvider clock)
{
    public const string By = "system:online-monitor";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The alert raised now, or null: no online experiment runs, the window matched its plan, or it was already raised.</summary>
    public async Task<AlertRaised?> RunAsync(string deploymentId, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<LiveSplit>(deploymentId, ct) is not { } split)
            return null;
        var end = options.Value.WindowStart(clock.GetUtcNow());
        var start = end - options.Value.Window;
        if (await ratio.CheckAsync(split.ExperimentId, start, end, ct) is not { Mismatch: true } window)
            return null;

        var alertId = string.Create(CultureInfo.InvariantCulture, $"srm-{split.ExperimentId}-{start.ToUnixTimeSeconds()}");
        var units = string.Join(", ", window.Variants.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Variant} {v.Units} (planned {v.PlannedShare:0.###})")));
        var alert = new AlertRaised(alertId, AlertKind.SampleRatioMismatch, deploymentId, split.ExperimentId,
            string.Create(CultureInfo.InvariantCulture,
                $"experiment {split.ExperimentId}: the units of the window from {start:O} do not match the planned split ({units}; χ² = {window.ChiSquare:0.###}, p = {window.P:0.######}); its verdict would be invalid."),
            JsonSerializer.SerializeToElement(window, Json), By);
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
