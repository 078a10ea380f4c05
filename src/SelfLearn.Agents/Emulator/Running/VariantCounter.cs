using SelfLearn.Domain.Simulations;

namespace SelfLearn.Agents.Emulator.Running;

/// <summary>Thread-safe running totals of one variant while the emulator plays.</summary>
internal sealed class VariantCounter(string variant)
{
    private int _requests, _scenarios, _dialogs, _memories, _questions, _followUps, _pipelineRuns, _abstained, _failures;

    public void Sent() => Interlocked.Increment(ref _requests);
    public void ScenarioDone() => Interlocked.Increment(ref _scenarios);
    public void DialogDone() => Interlocked.Increment(ref _dialogs);
    public void Ingested(int memories) => Interlocked.Add(ref _memories, memories);
    public void Failed() => Interlocked.Increment(ref _failures);

    public void Answered(bool followUp, bool abstained)
    {
        Interlocked.Increment(ref followUp ? ref _followUps : ref _questions);
        Interlocked.Increment(ref _pipelineRuns);
        if (abstained) Interlocked.Increment(ref _abstained);
    }

    public VariantTally Tally() => new(variant, _requests, _scenarios, _dialogs, _memories, _questions, _followUps, _pipelineRuns, _abstained, _failures);
}
