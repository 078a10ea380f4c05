using System.Globalization;
using System.Text.Json;
using SelfLearn.Agents.Manager.Cycles;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Commands;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using Spectre.Console;

namespace SelfLearn.Api.Manager.Cycles;

/// <summary>
/// cycle --goal "…" | --json FILE [--deployment ID] [--yes] [--out FILE]: states the goal (the configured formaliser
/// reads words; --json holds a formal goal), shows its formal form, asks for confirmation unless --yes, confirms it,
/// starts a learning cycle on it, follows the cycle step by step and prints its report and what changed (docs/CYCLES.md).
/// Exit 0: the cycle completed (or waits for an approval); 2: refused input, nothing started; 1: the cycle failed or was stopped.
/// </summary>
public static class CycleCommand
{
    public const string Name = "cycle";
    public const int BadInput = 2;
    public const int Failed = 1;
    public const string By = "cli";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, IEnumerable<string> args, CancellationToken ct) =>
        await RunAsync(services, args, TimeSpan.FromSeconds(1), ct);

    public static async Task<int> RunAsync(IServiceProvider services, IEnumerable<string> args, TimeSpan pollInterval, CancellationToken ct)
    {
        var console = AnsiConsole.Console;
        using var piped = new PipedWidth(console);
        try
        {
            var arguments = new CommandArguments(args);
            if (arguments.Unknown(["goal", "json", "deployment", "yes", "out"]).FirstOrDefault() is { } unknown)
                throw new ArgumentException($"unknown flag --{unknown}.");
            var text = arguments.Value("goal");
            var file = arguments.Value("json");
            if ((text is null) == (file is null))
                throw new ArgumentException("give the goal either in words (--goal \"…\") or as a formal goal in a file (--json FILE), not both and not neither.");
            var yes = arguments.Present("yes");
            if (!yes && !console.Profile.Capabilities.Interactive)
                throw new ArgumentException("the goal needs a confirmation and the console is not interactive: pass --yes to confirm it as formalised.");
            var formal = file is null ? null : await ReadGoalAsync(file, ct);
            var output = arguments.Value("out") is { } outFlag ? UserPaths.Resolve(outFlag) : null;

            // GoalToCycle sends through Wolverine's message bus, a scoped service.
            await using var scope = services.CreateAsyncScope();
            var cycles = ActivatorUtilities.CreateInstance<GoalToCycle>(scope.ServiceProvider);
            var (stated, goal) = await cycles.StateAsync(text, formal, arguments.Value("deployment"), By, ct);
            if (goal is null || stated.Status != TunerStatus.Accepted)
                return Refuse(piped, stated.Describe());
            PrintGoal(console, piped, goal);
            if (!yes && !await console.ConfirmAsync("Confirm this goal and start a cycle on it?", defaultValue: false, ct))
                return Refuse(piped, $"not confirmed: goal {goal.GoalId} stays stated; nothing was started.");

            var (confirmed, started) = await cycles.ConfirmAndStartAsync(goal, By, ct);
            if (started is null)
                return Refuse(piped, confirmed.Describe());
            if (started.Status != CycleOutcomeStatus.Accepted)
                return Refuse(piped, string.Join(" ", started.Problems));
            console.MarkupLine($"Cycle [bold]{Markup.Escape(started.CycleId)}[/] started on goal {Markup.Escape(goal.GoalId)} (GET /api/cycles/{Markup.Escape(started.CycleId)}).");

            var cycle = await FollowAsync(console, cycles, started.CycleId, pollInterval, ct);
            if (cycle.Report is { } report)
            {
                piped.Fit(CycleReportMarkdown.Render(report, cycle.Goal.Language).Split('\n'));
                console.WriteLine(CycleReportMarkdown.Render(report, cycle.Goal.Language));
                if (output is not null)
                {
                    await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, Json), ct);
                    console.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]");
                }
            }
            var outcome = Outcome(cycle);
            piped.Fit([outcome]);
            console.WriteLine(outcome);
            return cycle.Status is CycleStatus.Completed or CycleStatus.AwaitingApproval ? 0 : Failed;
        }
        catch (Exception e) when (e is ArgumentException or JsonException)
        {
            return Refuse(piped, e.Message);
        }
    }

    private static async Task<FormalGoalInput> ReadGoalAsync(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(UserPaths.ExistingFile(file));
        return await JsonSerializer.DeserializeAsync<FormalGoalInput>(stream, Json, ct)
            ?? throw new ArgumentException($"{file} holds no formal goal.");
    }

    private static async Task<Cycle> FollowAsync(IAnsiConsole console, GoalToCycle cycles, string cycleId, TimeSpan interval, CancellationToken ct)
    {
        Cycle last = null!;
        var printed = 0;
        await console.Status().StartAsync("Cycle starting…", async status =>
            last = await cycles.FollowAsync(cycleId, cycle =>
            {
                foreach (var step in cycle.Steps.Skip(printed))
                    console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"  {step.At:HH:mm:ss} {step.Step}")));
                printed = cycle.Steps.Count;
                status.Status(Markup.Escape($"Cycle {cycle.Status}, next step: {cycle.CurrentStep ?? "none"}"));
            }, interval, ct));
        return last;
    }

    /// <summary>What the cycle changed: the activated version, the approval it waits for, or why nothing changed.</summary>
    public static string Outcome(Cycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return (cycle.Status, cycle.Change) switch
        {
            (CycleStatus.Failed, _) => $"Cycle {cycle.CycleId} failed: {cycle.FailureReason}.",
            (CycleStatus.Stopped, _) => $"Cycle {cycle.CycleId} was stopped; nothing more will change.",
            (_, { Kind: CycleChange.Activated } c) => $"Activated version {c.ConfigVersion} of deployment {cycle.DeploymentId}: {c.Reason}",
            (_, { Kind: CycleChange.Awaiting } c) => $"Waits for approval {c.ApprovalId}: {c.Reason} Approve with POST /api/approvals/{c.ApprovalId}/approve (or decline with …/decline).",
            (_, { } c) => $"No change: {c.Reason}",
            _ => $"Cycle {cycle.CycleId} is {cycle.Status}.",
        };
    }

    private static void PrintGoal(IAnsiConsole console, PipedWidth piped, Goal goal)
    {
        var formal = goal.Formal;
        var heading = $"Goal {goal.GoalId} on deployment {formal.Deployment}, formalised {Source(goal.Source)}, language {Language(formal.Language)}:";
        var table = new Table().AddColumns("", "metric", "direction", "target / limit", "segment");
        foreach (var p in formal.Primary)
            table.AddRow("primary", Markup.Escape(p.Metric), Direction(p.Direction), p.Target is { } t ? N(t) : "any significant gain", Markup.Escape(p.Segment ?? "all"));
        foreach (var g in formal.Guards)
            table.AddRow("guard", Markup.Escape(g.Metric), Direction(g.Direction), Markup.Escape(Limit(g)), "all");
        table.AddRow("factors", Markup.Escape(formal.AllowedFactors.Count == 0 ? "any the autonomy policy allows" : string.Join(", ", formal.AllowedFactors)), "", "", "");
        table.AddRow("budget", Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{formal.Budget.Experiments} experiments, {formal.Budget.SimulatedDialogs} simulated dialogs, {formal.Budget.WallTimeMinutes} minutes")), "", "", "");
        piped.Fit([heading]);
        piped.Fit(table);
        console.WriteLine(heading);
        console.Write(table);
    }

    private static string Source(GoalSource source) => source switch
    {
        GoalSource.Offline => "by the phrase grammar",
        GoalSource.Llm => "by a language model",
        _ => "as given",
    };

    private static string Limit(Domain.Experiments.GuardMetric g) =>
        g.Bound is { } bound ? $"bound {N(bound)}"
        : g.MaxAbsoluteDegradation is { } absolute ? $"at most {N(absolute)} worse"
        : $"at most {N((g.MaxRelativeDegradation ?? 0) * 100)} % worse";

    private static string Direction(Domain.Teacher.Metrics.MetricDirection direction) =>
        direction == Domain.Teacher.Metrics.MetricDirection.LowerIsBetter ? "lower" : "higher";

    private static string Language(GoalLanguage language) => language == GoalLanguage.Russian ? "ru" : "en";

    private static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static int Refuse(PipedWidth piped, string message)
    {
        piped.Fit([message]);
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return BadInput;
    }
}
