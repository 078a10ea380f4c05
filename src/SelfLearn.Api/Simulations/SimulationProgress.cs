using SelfLearn.Agents.Emulator.Running;
using Spectre.Console;

namespace SelfLearn.Api.Simulations;

/// <summary>One progress bar per variant, counting requests sent; Ctrl+C stops sending and the bars stop where the run did.</summary>
public static class SimulationProgress
{
    public static async Task<EmulatorResult> ShowAsync(SimulationPlan plan, Func<IProgress<EmulatorProgress>, Task<EmulatorResult>> run)
    {
        EmulatorResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = plan.Settings.Variants.ToDictionary(v => v, v => context.AddTask($"variant {v}: requests",
                    maxValue: plan.Runs.Where(r => r.Variant == v).Sum(r => r.Threads.Sum(t => t.Requests))), StringComparer.Ordinal);
                result = await run(new BarProgress(tasks));
                foreach (var task in tasks.Values) task.StopTask();
            });
        return result!;
    }

    private sealed class BarProgress(IReadOnlyDictionary<string, ProgressTask> tasks) : IProgress<EmulatorProgress>
    {
        public void Report(EmulatorProgress value) => tasks[value.Variant].Increment(value.Requests);
    }
}
