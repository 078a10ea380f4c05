using System.Globalization;
using System.Text.Json.Nodes;
using Alba;
using SelfLearn.Api.Deployments;
using SelfLearn.Api.Manager.Cycles;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Teacher;

namespace SelfLearn.Api.Tests.Manager.Cycles;

/// <summary>
/// The command line of the Manager, run in-process on a cycle host: <c>cycle</c> from an English phrase of the goal
/// grammar to an activation, its refusals (nothing appended), <c>report</c> of the latest cycle and <c>as-of</c>.
/// </summary>
[Collection(CyclesCollection.Name)]
public sealed class CycleCommandTests(AutonomousCycleApp app) : IAsyncLifetime
{
    private const string Phrase = "raise delivered recall above 0.9, only change top_k, budget 1 experiment, 24 dialogs";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Cycle_with_yes_states_confirms_and_runs_the_goal_then_prints_the_report_and_the_activation()
    {
        var topK1 = await Host.CreateAndActivate("retrieval.top_k", 1);
        var output = Path.Combine(Path.GetTempPath(), $"selflearn-{Guid.NewGuid():N}-cycle.json");

        var (code, printed) = await ConsoleCapture.RunAsync(() =>
            CycleCommand.RunAsync(Host.Services, ["--goal", Phrase, "--yes", "--out", output], Poll, TestContext.Current.CancellationToken));

        Assert.True(code == 0, printed);
        var cycle = (await Host.Get("/api/cycles"))!.AsArray().Single()!;
        var id = cycle["cycleId"]!.GetValue<string>();
        var goal = (await Host.Get($"/api/goals/{cycle["goalId"]!.GetValue<string>()}"))!;
        Assert.Equal((Phrase, "offline", "retrieval.delivered_recall", 0.9), (goal["text"]!.GetValue<string>(), goal["source"]!.GetValue<string>(),
            goal["formal"]!["primary"]![0]!["metric"]!.GetValue<string>(), goal["formal"]!["primary"]![0]!["target"]!.GetValue<double>()));
        Assert.Equal(("retrieval.top_k", 1, 24), (string.Join(",", goal["formal"]!["allowedFactors"]!.AsArray().Select(f => f!.GetValue<string>())),
            goal["formal"]!["budget"]!["experiments"]!.GetValue<int>(), goal["formal"]!["budget"]!["simulatedDialogs"]!.GetValue<int>()));
        Assert.Equal(("completed", "activated", topK1), (cycle["status"]!.GetValue<string>(), cycle["outcome"]!.GetValue<string>(), cycle["baseVersion"]!.GetValue<int>()));

        var config = (await Host.Get("/api/deployments/default/config", key: Keys.Service))!;
        var activated = config["configVersion"]!.GetValue<int>();
        Assert.Equal(2, config["parameters"]!["retrieval.top_k"]!.GetValue<int>());
        var (markdown, _) = await Host.MarkdownReport(id);
        Assert.Contains("retrieval.delivered_recall", printed, StringComparison.Ordinal);
        Assert.Contains("1 experiments, 24 simulated dialogs, 120 minutes", printed, StringComparison.Ordinal);
        Assert.Contains($"Goal {goal["goalId"]!.GetValue<string>()} on deployment default, formalised by the phrase grammar, language en:", printed, StringComparison.Ordinal);
        Assert.Contains($"Cycle {id} started on goal {goal["goalId"]!.GetValue<string>()}", printed, StringComparison.Ordinal);
        Assert.Contains(markdown, printed, StringComparison.Ordinal);
        Assert.EndsWith($"Activated version {activated} of deployment default: {cycle["change"]!["reason"]!.GetValue<string>()}\n", printed, StringComparison.Ordinal);
        var written = JsonNode.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken))!;
        Assert.Equal((await Host.Get($"/api/cycles/{id}/report"))!.ToJsonString(), written.ToJsonString());
        File.Delete(output);

        var (reportCode, report) = await ConsoleCapture.RunAsync(() => ReportCommand.RunAsync(Host.Services, [], TestContext.Current.CancellationToken));
        Assert.Equal((0, markdown + "\n"), (reportCode, report));
        var (jsonCode, json) = await ConsoleCapture.RunAsync(() => ReportCommand.RunAsync(Host.Services, ["--cycle", id, "--json"], TestContext.Current.CancellationToken));
        Assert.Equal((0, (await Host.Get($"/api/cycles/{id}/report"))!.ToJsonString()), (jsonCode, JsonNode.Parse(json)!.ToJsonString()));
    }

    [Theory]
    [InlineData("could not place: 'raise', 'happiness', 'above', '0.9' (docs/GOALS.md lists the phrases the Manager understands).",
        "--goal", "raise happiness above 0.9", "--yes")]
    [InlineData("the goal needs a confirmation and the console is not interactive: pass --yes to confirm it as formalised.",
        "--goal", Phrase)]
    [InlineData("give the goal either in words (--goal \"…\") or as a formal goal in a file (--json FILE), not both and not neither.", "--yes")]
    [InlineData("unknown flag --goals.", "--goals", Phrase, "--yes")]
    public async Task Cycle_refuses_with_one_message_and_exit_code_2_and_appends_nothing(string message, params string[] args)
    {
        var before = await Host.EventCount();

        var (code, printed) = await ConsoleCapture.RunAsync(() => CycleCommand.RunAsync(Host.Services, args, Poll, TestContext.Current.CancellationToken));

        Assert.Equal((CycleCommand.BadInput, message + "\n"), (code, printed));
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Report_without_a_cycle_refuses_with_exit_code_2()
    {
        var (code, printed) = await ConsoleCapture.RunAsync(() => ReportCommand.RunAsync(Host.Services, [], TestContext.Current.CancellationToken));

        Assert.Equal((ReportCommand.BadInput, "no cycle has been started yet.\n"), (code, printed));
    }

    [Fact]
    public async Task As_of_prints_the_configuration_valid_at_a_time_between_two_activations()
    {
        var first = await Host.CreateAndActivate("retrieval.top_k", 7);
        var between = DateTimeOffset.UtcNow;
        var second = await Host.CreateAndActivate("retrieval.top_k", 9);
        var at = between.ToString("O", CultureInfo.InvariantCulture);

        var (code, printed) = await ConsoleCapture.RunAsync(() => AsOfCommand.RunAsync(Host.Services, [at, "--deployment", "default"], TestContext.Current.CancellationToken));

        Assert.True(code == 0, printed);
        Assert.NotEqual(first, second);
        Assert.Contains($"Deployment default at {between.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}+00:00: version {first}, valid from ", printed, StringComparison.Ordinal);
        var row = printed.Split('\n').Single(l => l.Contains("retrieval.top_k", StringComparison.Ordinal));
        Assert.Equal(["retrieval.top_k", "7"], row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
