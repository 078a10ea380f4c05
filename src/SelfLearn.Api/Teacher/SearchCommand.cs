using System.Globalization;
using System.Text.Json;
using SelfLearn.Agents.Emulator.Locomo;
using SelfLearn.Agents.Experiments;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Agents.Teacher.Search.Confirming;
using SelfLearn.Agents.Teacher.Search.Recording;
using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Api.Commands;
using SelfLearn.Api.Simulations;
using Spectre.Console;

namespace SelfLearn.Api.Teacher;

/// <summary>
/// search --dataset FILE [--conversations ids] --objective recall@10 [--strategy model|random|grid] [--budget N] [--seed S]
/// [--space …] [--constraint …] [--folds K] [--deployment ID] [--no-halving] [--parallelism P] [--out FILE] [--confirm]: screens
/// configurations offline with the Student's code, cross-validated over conversations, and records the search and every
/// trial (docs/SEARCH.md); with --confirm its best configuration is then played against the deployment's active version
/// in a paired experiment and judged. The request is validated before the dataset is embedded; a refusal exits with 2.
/// </summary>
public static class SearchCommand
{
    public const string Name = "search";
    public const int BadInput = 2;
    public const int Failed = 1;
    public const string By = "cli";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, IEnumerable<string> args, CancellationToken ct)
    {
        try
        {
            var arguments = new CommandArguments(args);
            var (conversations, deploymentId) = LocomoArguments.Read(arguments, "default",
                "objective", "strategy", "budget", "seed", "space", "constraint", "folds", "no-halving", "parallelism", "out", "confirm");
            var request = new SearchRequest(
                arguments.Value("objective") ?? throw new ArgumentException("name what to optimise: --objective METRIC (e.g. recall@10)."),
                arguments.Value("strategy") ?? Agents.Teacher.Search.Strategies.SearchStrategies.Model,
                Whole(arguments, "budget") ?? 60, Whole(arguments, "seed") ?? 1, arguments.Values("space"), arguments.Values("constraint"),
                Whole(arguments, "folds"), arguments.List("conversations"), !arguments.Present("no-halving"));
            var parallelism = Whole(arguments, "parallelism") ?? 2;
            var confirm = arguments.Present("confirm");
            var source = SearchSource.FromFile(UserPaths.ExistingFile(arguments.Value("dataset")!), conversations);

            await using var scope = services.CreateAsyncScope();
            var search = scope.ServiceProvider.GetRequiredService<RecordSearch>();
            var (plan, start) = await search.PlanAsync(request, source, deploymentId, ct);
            if (confirm && start.Version is null)
            {
                await scope.ServiceProvider.GetRequiredService<PrepareVariants>().OpenAsync(deploymentId, "search --confirm: catalog defaults", By, ct);
                (plan, start) = await search.PlanAsync(request, source, deploymentId, ct);
            }

            RecordedSearch recorded = null!;
            await AnsiConsole.Progress().StartAsync(async progress =>
                recorded = await search.RunAsync(plan, start, source, deploymentId, By, parallelism, new LocomoBars(progress), new SearchBar(progress), ct));

            Print(recorded);
            if (arguments.Value("out") is { } outFlag)
            {
                var output = UserPaths.Resolve(outFlag);
                await File.WriteAllTextAsync(output, JsonSerializer.Serialize(recorded.Report, Json), ct);
                AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]");
            }
            return confirm ? await ConfirmAsync(scope.ServiceProvider, recorded, source, parallelism, ct) : 0;
        }
        catch (SearchAbandonedException e)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/] {Markup.Escape(e.InnerException?.Message ?? "")}");
            return Failed;
        }
        catch (Exception e) when (e is ArgumentException or SearchRefusedException)
        {
            using var piped = new PipedWidth(AnsiConsole.Console);
            piped.Fit([e.Message]);
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return BadInput;
        }
    }

    /// <summary>Screen, then confirm: the paired experiment of the best configuration against the base, played on the same conversations.</summary>
    private static async Task<int> ConfirmAsync(IServiceProvider services, RecordedSearch recorded, SearchSource source, int concurrency, CancellationToken ct)
    {
        var candidate = SearchCandidate.From(recorded);
        var scenarios = LocomoScenarios.Convert([.. source.Conversations.Where(c => recorded.Plan.Conversations.Any(p => p.Id == c.SampleId))],
            $"search-{Path.GetFileNameWithoutExtension(source.Name)}");
        AnsiConsole.MarkupLine($"Confirming search [bold]{recorded.SearchId}[/]: experiment [bold]{ConfirmSearch.ExperimentId(recorded.SearchId)}[/], " +
            $"version {candidate.BaseVersion} against the best configuration, on {scenarios.Set.Scenarios.Count} conversations.");
        var report = await services.GetRequiredService<ConfirmSearch>().RunAsync(candidate, scenarios.Set, $"file {source.Name} (locomo)",
            Math.Max(2, concurrency * 2), new SimulationProgress(),
            new Progress<EvaluationProgress>(p => AnsiConsole.MarkupLine($"[grey]{p.Step} ({p.Done})[/]")), ct);
        if (report.Evaluation is not { } evaluation)
        {
            AnsiConsole.MarkupLine("[yellow]The confirming simulation was stopped before its end: no verdict.[/]");
            return SimulateCommand.Cancelled;
        }
        EvaluateCommand.Print(evaluation.Verdict);
        foreach (var id in evaluation.Analysis?.RecommendationIds ?? [])
            AnsiConsole.MarkupLine($"Recommendation [bold]{Markup.Escape(id)}[/] is ready (GET /api/recommendations/{Markup.Escape(id)}); nothing was activated.");
        return 0;
    }

    private static int? Whole(CommandArguments arguments, string flag) =>
        arguments.Value(flag) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ArgumentException($"--{flag} takes a whole number, not '{text}'.");

    private static void Print(RecordedSearch recorded)
    {
        var report = recorded.Report;
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
        console.MarkupLine($"Recorded as search [bold]{recorded.SearchId}[/] (GET /api/searches/{recorded.SearchId}, …/pareto).");
    }

    private static string Folds(IReadOnlyList<int> folds) => string.Join(",", folds);

    private static string N(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
