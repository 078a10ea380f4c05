using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Locomo;
using Spectre.Console;
using Wolverine;

namespace SelfLearn.Api.Commands;

/// <summary>
/// eval-retrieval --dataset FILE [--conversations id,id] [--deployment ID] [--set key=value …] [--out FILE]:
/// ingests LoCoMo conversations through the MaaS contract, asks every QA item with evidence, and scores the
/// ranked source ids against the evidence turns (recall@k, hit@k, overall and per category).
/// </summary>
public sealed class EvalRetrievalCommand(IServiceProvider services)
{
    public const string Name = "eval-retrieval";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<int> RunAsync(CommandArguments args, CancellationToken ct)
    {
        var (conversations, deploymentId) = LocomoArguments.Read(args, "eval", "set", "out", "parallelism");
        var parallelism = int.Parse(args.Value("parallelism") ?? "4", CultureInfo.InvariantCulture);

        var config = await EvalConfiguration.ApplyAsync(services.GetRequiredService<IMessageBus>(), services.GetRequiredService<IDocumentStore>(),
            deploymentId, EvalConfiguration.Parse(args.Values("set")), ct);
        var maas = services.GetRequiredService<IMaasClient>();
        await IngestAsync(maas, deploymentId, conversations, ct);
        var scores = await AskAsync(maas, deploymentId, conversations, parallelism, ct);

        var summary = RetrievalScoring.Summarize(scores);
        Print(summary);
        var json = JsonSerializer.SerializeToNode(summary, Json)!.AsObject();
        json["config"] = JsonSerializer.SerializeToNode(config, Json);
        if (args.Value("out") is { } outFlag)
        {
            var output = UserPaths.Resolve(outFlag);
            await File.WriteAllTextAsync(output, json.ToJsonString(Json), ct);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]");
        }
        return 0;
    }

    private static Task IngestAsync(IMaasClient maas, string deploymentId, IReadOnlyList<LocomoConversation> conversations, CancellationToken ct) =>
        AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("embedding and ingesting turns", maxValue: conversations.Sum(c => c.Turns.Count()));
            foreach (var conversation in conversations)
                await LocomoIngestion.IngestAsync(maas, deploymentId, conversation, done => task.Increment(done), ct);
        });

    private static async Task<IReadOnlyList<ItemRetrievalScore?>> AskAsync(
        IMaasClient maas, string deploymentId, IReadOnlyList<LocomoConversation> conversations, int parallelism, CancellationToken ct)
    {
        var items = conversations.SelectMany(c => c.Questions.Where(q => q.HasEvidence).Select(q => (Conversation: c, Question: q))).ToList();
        var scores = new ConcurrentBag<ItemRetrievalScore?>();
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("asking questions", maxValue: items.Count);
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (item, token) =>
            {
                var answer = await maas.QueryAsync(new QueryRequest(deploymentId, LocomoIngestion.UserId(item.Conversation), null,
                    item.Question.Question, CycleType: CycleTypes.Offline), token);
                scores.Add(RetrievalScoring.Score(item.Question.Category, [.. answer.Items.Select(i => i.SourceId ?? "")], item.Question.Evidence));
                task.Increment(1);
            });
        });
        return [.. scores];
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
