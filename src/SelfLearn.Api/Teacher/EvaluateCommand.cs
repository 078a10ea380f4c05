using System.Globalization;
using System.Text.Json;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Api.Commands;
using SelfLearn.Domain.Teacher.Verdicts;
using Spectre.Console;

namespace SelfLearn.Api.Teacher;

/// <summary>evaluate --experiment ID [--out FILE]: judges, aggregates and records a verdict, then prints it as a table.</summary>
public static class EvaluateCommand
{
    public const string Name = "evaluate";
    public const int BadInput = 2;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, IEnumerable<string> args, CancellationToken ct)
    {
        try
        {
            var arguments = new CommandArguments(args);
            if (arguments.Unknown(["experiment", "out"]).FirstOrDefault() is { } unknown)
                throw new ArgumentException($"unknown flag --{unknown}; evaluate takes --experiment and --out.");
            var id = arguments.Value("experiment") ?? throw new ArgumentException("name the experiment: evaluate --experiment ID.");
            await using var scope = services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<EvaluateExperiment>().RunAsync(id, "cli",
                new Progress<EvaluationProgress>(p => AnsiConsole.MarkupLine($"[grey]{p.Step} ({p.Done})[/]")), ct);
            Print(report.Verdict);
            if (arguments.Value("out") is { } outFlag)
            {
                var output = UserPaths.Resolve(outFlag);
                await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report.Verdict, Json), ct);
                AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]");
            }
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or EvaluationRefusedException)
        {
            using var piped = new PipedWidth(AnsiConsole.Console);
            piped.Fit([e.Message]);
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return BadInput;
        }
    }

    internal static void Print(VerdictRecorded verdict)
    {
        var console = AnsiConsole.Console;
        using var piped = new PipedWidth(console);
        foreach (var treatment in verdict.Result.Treatments)
        {
            var table = new Table().Title(Markup.Escape($"{verdict.ExperimentId} · {treatment.Variant}: {Text(treatment.Call)}"))
                .AddColumns("metric", "segment", "role", "baseline", "treatment", "Δ", "Δ interval", "Δ %", "p", "adj. p", "significance");
            foreach (var m in treatment.Metrics)
                table.AddRow(Markup.Escape(MetricLabel(m)), Markup.Escape(m.Segment), Text(m.Role), N(m.BaselineValue), N(m.TreatmentValue), N(m.AbsoluteDelta),
                    m.AbsoluteInterval is { } i ? $"[[{N(i.Lower)}, {N(i.Upper)}]]" : "", m.RelativeDelta is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) : "",
                    N(m.P), N(m.AdjustedP), Text(m.Significance));
            var reasons = treatment.Reasons.Select(reason => $"  {reason}").ToList();
            piped.Fit(table);
            piped.Fit(reasons);
            console.Write(table);
            foreach (var reason in reasons)
                console.MarkupLine(Markup.Escape(reason));
        }
        var footer = $"verdict {verdict.VerdictId}, statistics {verdict.Input.StatisticsVersion}";
        piped.Fit([footer]);
        console.MarkupLine(Markup.Escape(footer));
    }

    /// <summary>A latency row judged by the bootstrap shows p95 figures, not means; the label says so.</summary>
    private static string MetricLabel(MetricComparison m) => m.Test == ComparisonTest.QuantileBootstrap ? $"{m.Metric} (p95)" : m.Metric;

    private static string N(double? value) => value?.ToString("G4", CultureInfo.InvariantCulture) ?? "";

    private static string Text<T>(T value) => JsonSerializer.Serialize(value, Json).Trim('"');
}
