using SelfLearn.Agents.Experiments.Retrieval;
using Spectre.Console;

namespace SelfLearn.Api.Commands;

/// <summary>One progress bar per step of a LoCoMo workflow, added when the step reports first; reports are counted as they come.</summary>
public sealed class LocomoBars(ProgressContext context) : IProgress<LocomoProgress>
{
    private readonly Dictionary<LocomoStep, ProgressTask> _bars = [];

    public void Report(LocomoProgress value)
    {
        lock (_bars)
        {
            if (!_bars.TryGetValue(value.Step, out var bar))
                _bars[value.Step] = bar = context.AddTask(Label(value.Step), maxValue: value.Total);
            bar.Increment(value.Done);
        }
    }

    private static string Label(LocomoStep step) => step == LocomoStep.Asking ? "asking questions" : "embedding and ingesting turns";
}
