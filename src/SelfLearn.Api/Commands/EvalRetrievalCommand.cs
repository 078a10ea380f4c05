using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Locomo;
using Spectre.Console;

namespace SelfLearn.Api.Commands;

/// <summary>
/// eval-retrieval --dataset FILE [--conversations id,id] [--deployment ID] [--set key=value …] [--out FILE]:
/// ingests LoCoMo conversations (in memory for this app's Student, through the MaaS contract for an external one), asks
/// every QA item with evidence, and scores the returned source ids against the evidence turns (recall@k, hit@k, overall
/// and per category); see <see cref="EvaluateRetrieval"/>.
/// </summary>
public sealed class EvalRetrievalCommand(IServiceProvider services)
{
    public const string Name = "eval-retrieval";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<int> RunAsync(CommandArguments args, CancellationToken ct)
    {
        var (conversations, deploymentId) = LocomoArguments.Read(args, "eval", "set", "out", "parallelism");
        var parallelism = int.Parse(args.Value("parallelism") ?? "4", CultureInfo.InvariantCulture);
        var values = SetAssignments.Parse(args.Values("set"));

        var evaluate = services.GetRequiredService<EvaluateRetrieval>();
        RetrievalEvaluation evaluation = null!;
        try
        {
            await AnsiConsole.Progress().StartAsync(async progress =>
                evaluation = await evaluate.RunAsync(conversations, deploymentId, values, parallelism, new LocomoBars(progress), ct));
        }
        catch (Agents.Experiments.VariantRefusedException e)
        {
            throw new ArgumentException($"the Tuner refused the --set values: {e.Message}", e);
        }

        Print(evaluation.Summary);
        var json = JsonSerializer.SerializeToNode(evaluation.Summary, Json)!.AsObject();
        json["config"] = JsonSerializer.SerializeToNode(evaluation.Config, Json);
        if (args.Value("out") is { } outFlag)
        {
            var output = UserPaths.Resolve(outFlag);
            await File.WriteAllTextAsync(output, json.ToJsonString(Json), ct);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]");
        }
        return 0;
    }

    private static void Print(RetrievalSummary summary)
    {
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 150);
        var table = new Table().AddColumn("category").AddColumn("items");
        foreach (var k in RetrievalScoring.Cutoffs)
            table.AddColumn($"R@{k}");
        foreach (var k in RetrievalScoring.Cutoffs)
            table.AddColumn($"hit@{k}");
        table.AddRow(Row("all", summary.Items, summary.Recall, summary.Hit));
        foreach (var (category, part) in summary.ByCategory)
            table.AddRow(Row(category.ToString(CultureInfo.InvariantCulture), part.Items, part.Recall, part.Hit));
        AnsiConsole.Write(table);
    }

    private static string[] Row(string label, int items, IReadOnlyDictionary<int, double> recall, IReadOnlyDictionary<int, double> hit) =>
        [label, items.ToString(CultureInfo.InvariantCulture),
         .. RetrievalScoring.Cutoffs.Select(k => recall[k].ToString("0.000", CultureInfo.InvariantCulture)),
         .. RetrievalScoring.Cutoffs.Select(k => hit[k].ToString("0.000", CultureInfo.InvariantCulture))];
}
