using System.Globalization;
using System.Text.Json;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Api.Commands;
using Spectre.Console;

namespace SelfLearn.Api.Teacher;

/// <summary>
/// search --dataset FILE [--conversations ids] --objective recall@10 [--strategy model|random|grid] [--budget N] [--seed S]
/// [--space …] [--constraint …] [--folds K] [--deployment ID] [--no-halving] [--parallelism P] [--out FILE]: screens
/// configurations offline with the Student's code, cross-validated over conversations (docs/SEARCH.md). The request is
/// validated before the dataset is embedded; a refusal exits with 2.
/// </summary>
public static class SearchCommand
{
    public const string Name = "search";
    public const int BadInput = 2;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, IEnumerable<string> args, CancellationToken ct)
    {
        try
        {
            var arguments = new CommandArguments(args);
            var (conversations, deploymentId) = LocomoArguments.Read(arguments, "default",
                "objective", "strategy", "budget", "seed", "space", "constraint", "folds", "no-halving", "parallelism", "out");
            var request = new SearchRequest(
                arguments.Value("objective") ?? throw new ArgumentException("name what to optimise: --objective METRIC (e.g. recall@10)."),
                arguments.Value("strategy") ?? Agents.Teacher.Search.Strategies.SearchStrategies.Model,
                Whole(arguments, "budget") ?? 60, Whole(arguments, "seed") ?? 1, arguments.Values("space"), arguments.Values("constraint"),
                Whole(arguments, "folds"), arguments.List("conversations"), !arguments.Present("no-halving"));
            var parallelism = Whole(arguments, "parallelism") ?? 2;

            await using var scope = services.CreateAsyncScope();
            var start = await ActivatorUtilities.CreateInstance<SearchBaseReader>(scope.ServiceProvider).ReadAsync(deploymentId, ct);
            var plan = SearchPlan.Create(request, start.Catalog, start.Parameters,
                [.. conversations.Select(c => (c.SampleId, c.Questions.Count(q => q.HasEvidence)))], OfflineTrialEvaluator.Offered, OfflineTrialEvaluator.ReadKeys);

            SearchReport report = null!;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var dataset = await IndexedDataset.BuildAsync([.. conversations.Where(c => plan.Conversations.Any(p => p.Id == c.SampleId))],
                    scope.ServiceProvider.GetRequiredService<ITextEmbedder>(), new LocomoBars(progress), ct);
                var evaluator = new OfflineTrialEvaluator(dataset, scope.ServiceProvider.GetRequiredService<AnswerGenerator>(), parallelism);
                report = await new RunSearch(evaluator, TimeProvider.System).RunAsync(plan, Guid.CreateVersion7().ToString(), new SearchBar(progress), ct);
            });

            Print(report);
            if (arguments.Value("out") is { } outFlag)
            {
                var output = UserPaths.Resolve(outFlag);
                await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, Json), ct);
                AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]");
            }
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or SearchRefusedException)
        {
            using var piped = new PipedWidth(AnsiConsole.Console);
            piped.Fit([e.Message]);
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return BadInput;
        }
    }

    private static int? Whole(CommandArguments arguments, string flag) =>
        arguments.Value(flag) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ArgumentException($"--{flag} takes a whole number, not '{text}'.");

    private static void Print(SearchReport report)
    {
        var console = AnsiConsole.Console;
        using var piped = new PipedWidth(console);
        var table = new Table().Title(Markup.Escape($"{report.Strategy} search of {report.Objective} ({report.Direction} is better), {report.Evaluations} trials"))
            .AddColumns("configuration", "folds", "in sample", "out of fold", "changed params");
        var changed = report.Best.Params.Where(p => !JsonElement.DeepEquals(p.Value, report.Baseline.Params[p.Key])).ToDictionary();
        table.AddRow("best", Folds(report.Best.Folds), N(report.Best.Objective), N(report.Best.OutOfFold),
            changed.Count == 0 ? "the base configuration" : Markup.Escape(JsonSerializer.Serialize(changed)));
        table.AddRow("base", Folds(report.Baseline.Folds), N(report.Baseline.Objective), N(report.Baseline.OutOfFold), "");
        table.AddRow("fold winners (nested estimate)", "all", "", N(report.OutOfFold), "");
        table.AddRow("base (nested estimate)", "all", "", N(report.BaselineOutOfFold), "");
        piped.Fit(table);
        console.Write(table);
    }

    private static string Folds(IReadOnlyList<int> folds) => string.Join(",", folds);

    private static string N(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
