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
            if (report.Reproduced)
            {
                AnsiConsole.MarkupLine(Markup.Escape($"verdict {report.VerdictId} of {id} reproduced exactly from its stored aggregates."));
                return 0;
            }
            AnsiConsole.MarkupLine(Markup.Escape($"verdict {report.VerdictId} of {id} did not reproduce:"));
            foreach (var difference in report.Differences)
                AnsiConsole.MarkupLine($"  [red]{Markup.Escape(difference)}[/]");
            return Differs;
        }
        catch (Exception e) when (e is ArgumentException or EvaluationRefusedException)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return BadInput;
        }
    }
}
