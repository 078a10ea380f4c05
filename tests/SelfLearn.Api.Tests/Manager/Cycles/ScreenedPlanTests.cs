using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using SelfLearn.Api.Tests.Infrastructure;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Manager.Cycles;

/// <summary>
/// The planner screens its drafts offline before any experiment runs (docs/CYCLES.md, "Screening"): the figures are
/// recorded on <c>CyclePlanned</c> with the dataset's name, SHA-256, conversations and question count; a draft that
/// screens worse than the base is dropped; a metric the evaluator does not compute leaves the plan unscreened.
/// </summary>
[Collection(CyclesCollection.Name)]
public sealed class ScreenedPlanTests(AutonomousCycleApp app) : IAsyncLifetime
{
    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task More_delivered_items_screen_better_on_delivered_recall_so_top_k_up_is_planned_and_down_is_dropped()
    {
        await Host.CreateAndActivate("retrieval.top_k", 4);

        var id = await Host.StartAndWait(Goal(["retrieval.top_k"]));

        var cycle = (await Host.Get($"/api/cycles/{id}"))!;
        var screening = cycle["screening"]!;
        var dataset = Student.LocomoEvalTests.DevSplit();
        Assert.Equal(("locomo-dev.json", File.ReadAllText(dataset + ".sha256").Split(' ')[0], Recall),
            (screening["dataset"]!.GetValue<string>(), screening["sha256"]!.GetValue<string>(), screening["metric"]!.GetValue<string>()));
        Assert.Equal(["conv-30"], screening["conversations"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(QuestionsWithEvidence(dataset, "conv-30"), screening["questions"]!.GetValue<int>());

        var baseFigure = screening["base"]!.GetValue<double>();
        var candidates = cycle["candidates"]!.AsArray().Select(c => c!).ToList();
        Assert.Equal([("6", "planned"), ("2", "dropped")], candidates.Select(c => (c["to"]!.ToJsonString(), c["outcome"]!.GetValue<string>())));
        Assert.True(candidates[0]["screened"]!.GetValue<double>() > baseFigure, "six delivered items hold at least the evidence four do, and more of it on conv-30");
        Assert.True(candidates[1]["screened"]!.GetValue<double>() < baseFigure, "two delivered items hold less of the evidence than four");
        Assert.Equal($"it screened worse than the base: {Recall} {Figure(candidates[1]["screened"]!)} against {Figure(screening["base"]!)} on locomo-dev.json.",
            candidates[1]["reason"]!.GetValue<string>());
        var plan = cycle["experiments"]!.AsArray().Single()!["plan"]!;
        Assert.Equal(6, plan["to"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_goal_on_a_metric_only_the_judge_computes_is_planned_in_draft_order_with_a_note_saying_why_it_was_not_screened()
    {
        await Host.CreateAndActivate("retrieval.top_k", 4);
        var started = (await Host.Post("/api/cycles", Goal(["retrieval.top_k"], metric: "answer.faithfulness"), 201))!["cycleId"]!.GetValue<string>();
        await WaitForPlanAsync(started);
        await Host.PostAndWait($"/api/cycles/{started}/stop", 200);

        var cycle = (await Host.Get($"/api/cycles/{started}"))!;
        Assert.Null(cycle["screening"]);
        Assert.Equal("the candidates were not screened offline: answer.faithfulness is not computed offline (docs/SEARCH.md lists the metrics that are).",
            cycle["planNotes"]!.AsArray()[0]!.GetValue<string>());
        Assert.Equal([("6", "planned", null), ("2", "later", null)], cycle["candidates"]!.AsArray()
            .Select(c => (c!["to"]!.ToJsonString(), c["outcome"]!.GetValue<string>(), c["screened"]?.GetValue<double>())));
    }

    private async Task WaitForPlanAsync(string cycleId)
    {
        for (var i = 0; i < 600 && !(await Host.CycleEvents(cycleId)).Contains("CyclePlanned"); i++)
            await Task.Delay(100);
    }

    private static string Figure(JsonNode value) => value.GetValue<double>().ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    private static int QuestionsWithEvidence(string path, string sampleId)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(path));
        var sample = file.RootElement.EnumerateArray().Single(s => s.GetProperty("sample_id").GetString() == sampleId);
        return sample.GetProperty("qa").EnumerateArray().Count(q => q.TryGetProperty("evidence", out var e) && e.GetArrayLength() > 0);
    }
}
