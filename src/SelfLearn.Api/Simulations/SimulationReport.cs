using System.Globalization;
using SelfLearn.Agents.Experiments.Simulations;
using Spectre.Console;

namespace SelfLearn.Api.Simulations;

public static class SimulationReport
{
    public static void Print(SimulationSummary summary, IReadOnlyList<string> errors)
    {
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 150);
        var table = new Table().AddColumns("variant", "config", "scenarios", "dialogs", "memories", "questions", "follow-ups",
            "pipeline runs", "stored", "abstained", "failures");
        foreach (var v in summary.Variants)
            table.AddRow(v.Variant, $"v{v.ConfigVersion}", N(v.Scenarios), N(v.Dialogs), N(v.Memories), N(v.Questions), N(v.FollowUps),
                N(v.PipelineRuns), v.PipelineRunsStored is { } stored ? N(stored) : "n/a", N(v.Abstained), v.Failures > 0 ? $"[red]{v.Failures}[/]" : "0");
        AnsiConsole.Write(table);
        var colour = summary.Status == Domain.Simulations.SimulationStatus.Completed ? "green" : "yellow";
        AnsiConsole.MarkupLine($"[{colour}]{summary.Status}[/] in {summary.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s: " +
            $"{summary.DialogsPerSecond.ToString("0.0", CultureInfo.InvariantCulture)} dialogs/s, " +
            $"{summary.RequestsPerSecond.ToString("0.0", CultureInfo.InvariantCulture)} requests/s. " +
            $"Repeat exactly with: simulate --repeat {summary.SimulationId}");
        foreach (var error in errors.Take(5))
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(error)}");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
