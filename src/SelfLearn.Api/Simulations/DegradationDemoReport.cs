using System.Globalization;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Teacher.Online;
using Spectre.Console;

namespace SelfLearn.Api.Simulations;

/// <summary>Prints what the online monitor did with <c>--degrade</c>'s bad version: the rollback and its evidence, and the alerts.</summary>
public static class DegradationDemoReport
{
    /// <summary>The last windows close after the traffic: waits one window and one monitor period (plus a little) for the rollback.</summary>
    public static async Task<DegradedOutcome> WaitAsync(DegradationDemo demo, string deploymentId, DegradedStart start, IServiceProvider services, CancellationToken stop)
    {
        var online = services.GetRequiredService<IOptions<OnlineOptions>>().Value;
        var deadline = DateTimeOffset.UtcNow + online.Window + TimeSpan.FromSeconds(online.EvaluateSeconds + 5);
        var outcome = await demo.OutcomeAsync(deploymentId, start, CancellationToken.None);
        while (outcome.Rollback is null && online.EvaluateSeconds > 0 && DateTimeOffset.UtcNow < deadline && !stop.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("[grey]waiting for the online monitor's next evaluation…[/]");
            try { await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, online.EvaluateSeconds)), stop); }
            catch (OperationCanceledException) { break; }
            outcome = await demo.OutcomeAsync(deploymentId, start, CancellationToken.None);
        }
        return outcome;
    }

    public static void Print(DegradedOutcome outcome, DegradedStart start)
    {
        if (outcome.Rollback is { } rollback)
        {
            AnsiConsole.MarkupLine($"[green]Rolled back[/] from version {rollback.FromVersion} to {rollback.ToVersion} by rule [bold]{Markup.Escape(rollback.Rule ?? "")}[/]: " +
                Markup.Escape(rollback.Reason));
            foreach (var window in rollback.Evidence?.Windows ?? [])
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"  window {window.Start:HH:mm:ss}–{window.End:HH:mm:ss}: n {window.N}, mean {window.Mean:0.###}, limit {window.Limit:0.###}: {window.Outcome}")));
        }
        else
            AnsiConsole.MarkupLine($"[yellow]Not rolled back (yet):[/] version {outcome.ActiveVersion} is active. Rule {start.Rule} needs two closed windows of " +
                "Online:WindowSeconds with at least 5 live runs each, and the monitor runs every Online:EvaluateSeconds: play longer (--duration), or " +
                "ask for an evaluation now (POST /api/deployments/{id}/rules/evaluate).");
        foreach (var alert in outcome.Alerts)
            AnsiConsole.MarkupLine($"[red]alert[/] {Markup.Escape(alert.AlertId)} ({alert.Kind}): {Markup.Escape(alert.Message)}");
    }
}
