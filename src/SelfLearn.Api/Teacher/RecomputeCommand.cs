using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Api.Commands;
using Spectre.Console;

namespace SelfLearn.Api.Teacher;

/// <summary>recompute --experiment ID: 0 when the latest verdict reproduces from its stored aggregates, 1 with the differences otherwise.</summary>
public static class RecomputeCommand
{
    public const string Name = "recompute";
    public const int Differs = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(IServiceProvider services, IEnumerable<string> args, CancellationToken ct)
    {
        try
        {
            var arguments = new CommandArguments(args);
            if (arguments.Unknown(["experiment"]).FirstOrDefault() is { } unknown)
                throw new ArgumentException($"unknown flag --{unknown}; recompute takes --experiment.");
            var id = arguments.Value("experiment") ?? throw new ArgumentException("name the experiment: recompute --experiment ID.");
            var report = await services.GetRequiredService<RecomputeVerdict>().RunAsync(id, ct);
            List<string> lines = report.Reproduced
                ? [$"verdict {report.VerdictId} of {id} reproduced exactly from its stored aggregates."]
                : report.Differences.Select(d => $"  {d}").Prepend($"verdict {report.VerdictId} of {id} did not reproduce:").ToList();
            using var piped = new PipedWidth(AnsiConsole.Console);
            piped.Fit(lines);
            AnsiConsole.MarkupLine(Markup.Escape(lines[0]));
            foreach (var difference in lines.Skip(1))
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(difference)}[/]");
            return report.Reproduced ? 0 : Differs;
        }
        catch (Exception e) when (e is ArgumentException or EvaluationRefusedException)
        {
            using var piped = new PipedWidth(AnsiConsole.Console);
            piped.Fit([e.Message]);
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return BadInput;
        }
    }
}
