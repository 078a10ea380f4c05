using System.Text.Json;
using SelfLearn.Agents.Manager.Cycles;
using SelfLearn.Api.Commands;
using SelfLearn.Domain.Manager.Cycles;
using Spectre.Console;

namespace SelfLearn.Api.Manager.Cycles;

/// <summary>report [--cycle ID] [--json]: a cycle's report (default: the latest cycle started), Markdown in the goal's language or JSON.</summary>
public static class ReportCommand
{
    public const string Name = "report";
    public const int BadInput = 2;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, IEnumerable<string> args, CancellationToken ct)
    {
        var console = AnsiConsole.Console;
        using var piped = new PipedWidth(console);
        try
        {
            var arguments = new CommandArguments(args);
            if (arguments.Unknown(["cycle", "json"]).FirstOrDefault() is { } unknown)
                throw new ArgumentException($"unknown flag --{unknown}.");
            var id = arguments.Value("cycle");
            var cycle = await ActivatorUtilities.CreateInstance<CycleLookup>(services).FindAsync(id, ct)
                ?? throw new ArgumentException(id is null ? "no cycle has been started yet." : $"no cycle '{id}'.");
            if (cycle.Report is not { } report)
                throw new ArgumentException($"cycle {cycle.CycleId} has not reported yet: it is {cycle.Status}, next step {cycle.CurrentStep ?? "none"}.");
            var text = arguments.Present("json") ? JsonSerializer.Serialize(report, Json) : CycleReportMarkdown.Render(report, cycle.Goal.Language);
            piped.Fit(text.Split('\n'));
            console.WriteLine(text);
            return 0;
        }
        catch (ArgumentException e)
        {
            piped.Fit([e.Message]);
            console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return BadInput;
        }
    }
}
