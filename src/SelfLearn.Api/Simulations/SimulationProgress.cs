using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Agents.Experiments.Simulations;
using Spectre.Console;

namespace SelfLearn.Api.Simulations;

/// <summary>
/// Draws a simulation: what it plays, then one progress bar per variant counting requests sent; Ctrl+C stops sending
/// and the bars stop where the run did.
/// </summary>
public sealed class SimulationProgress : ISimulationObserver
{
    public void Started(SimulationRun run, DatasetRegistration dataset)
    {
        var (target, plan) = (run.Target, run.Plan);
        AnsiConsole.MarkupLine($"Simulation [bold]{run.SimulationId}[/]: dataset {dataset.Name}@{dataset.Version} ({Markup.Escape(run.Scenarios.Source)}), experiment " +
            $"[bold]{target.ExperimentId}[/] on deployment {target.DeploymentId}, variants {string.Join(", ", target.Variants.Select(v => $"{v.Name}=v{v.ConfigVersion}"))}, " +
            $"{plan.Dialogs} dialogs, {plan.Requests} requests, concurrency {run.Concurrency}.");
    }

    public async Task<EmulatorResult> PlayingAsync(SimulationPlan plan, Func<IProgress<EmulatorProgress>?, Task<EmulatorResult>> play)
    {
        EmulatorResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = plan.Settings.Variants.ToDictionary(v => v, v => context.AddTask($"variant {v}: requests",
                    maxValue: plan.Runs.Where(r => r.Variant == v).Sum(r => r.Threads.Sum(t => t.Requests))), StringComparer.Ordinal);
                result = await play(new BarProgress(tasks));
                foreach (var task in tasks.Values) task.StopTask();
            });
        return result!;
    }

    public void Warning(string message) => AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(message)}[/]");

    private sealed class BarProgress(IReadOnlyDictionary<string, ProgressTask> tasks) : IProgress<EmulatorProgress>
    {
        public void Report(EmulatorProgress value) => tasks[value.Variant].Increment(value.Requests);
    }
}
