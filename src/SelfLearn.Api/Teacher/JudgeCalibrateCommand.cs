using System.Globalization;
using System.Text.Json;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Teacher.Calibration;
using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Api.Commands;
using Spectre.Console;

namespace SelfLearn.Api.Teacher;

/// <summary>
/// judge-calibrate [--judge offline|llm] [--set PATH] [--split NAME] [--out FILE]: a judge against the shipped hand
/// labels (Cohen's kappa, accuracy, confusion matrix per split: tuning and held-out; docs/JUDGE.md). --set takes a
/// calibration file or folder; by default data/judge-calibration of the repository the command runs in.
/// </summary>
public static class JudgeCalibrateCommand
{
    public const string Name = "judge-calibrate";
    public const string DefaultSet = "data/judge-calibration";
    public const int BadInput = 2;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, IEnumerable<string> args, CancellationToken ct)
    {
        try
        {
            var arguments = new CommandArguments(args);
            if (arguments.Unknown(["judge", "set", "split", "out"]).FirstOrDefault() is { } unknown)
                throw new ArgumentException($"unknown flag --{unknown}; judge-calibrate takes --judge, --set, --split and --out.");
            if (arguments.Value("judge") is { } kind && !Judges.Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"--judge must be one of {string.Join(", ", Judges.Kinds)}; got '{kind}'.");
            var set = arguments.Value("set") is { } path ? UserPaths.Resolve(path) : FindDefaultSet();

            CalibrationRun run = null!;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Judging the calibration set");
                run = await services.GetRequiredService<CalibrateJudge>().RunAsync(set, arguments.Value("judge"), arguments.Value("split"),
                    new Progress<(int Done, int Total)>(p => (task.MaxValue, task.Value) = (p.Total, p.Done)), ct);
                task.Value = task.MaxValue;
            });

            foreach (var report in run.Splits)
                Print(run, report);
            if (arguments.Value("out") is { } outFlag)
            {
                var output = UserPaths.Resolve(outFlag);
                await File.WriteAllTextAsync(output, JsonSerializer.Serialize(run, Json), ct);
                AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]");
            }
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or CalibrationSetException or InvalidOperationException)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return BadInput;
        }
    }

    private static void Print(CalibrationRun run, CalibrationReport report)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Split)}[/] ({Markup.Escape(report.About)})");
        var table = new Table().AddColumn("hand label \\ judge");
        foreach (var label in run.Labels)
            table.AddColumn(Label(label));
        for (var row = 0; row < run.Labels.Count; row++)
            table.AddRow([Label(run.Labels[row]), .. report.Confusion[row].Select(n => n.ToString(CultureInfo.InvariantCulture))]);
        AnsiConsole.Write(table);
        var kappa = report.Kappa is { } k ? k.ToString("0.000", CultureInfo.InvariantCulture) : "undefined";
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{report.Split}: {run.Judge} {run.JudgeVersion}: {report.Judged} of {report.Items} items judged ({report.Failed} failed), " +
            $"accuracy {report.Accuracy:0.000}, Cohen's kappa {kappa}")));
    }

    private static string Label(JudgeLabel label) => JsonSerializer.Serialize(label, Json).Trim('"');

    private static string FindDefaultSet() =>
        RepositoryPaths.Find(DefaultSet) is { } found && Directory.Exists(found)
            ? found
            : throw new ArgumentException($"no {DefaultSet} folder above the current folder; give the set with --set PATH.");
}
