using SelfLearn.Agents.Tuner;
using Wolverine;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>
/// A person's pause, resume or stop carries no expected version: a step committing at the same moment is not their
/// stale read, so the control is decided again against the cycle as it now is (a few times) instead of answering 409.
/// </summary>
public static class InvokeCycleControl
{
    private const int Attempts = 3;

    public static async Task<CycleOutcome> InvokeAsync(IMessageBus bus, object control, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await bus.InvokeAsync<CycleOutcome>(control, ct);
            }
            catch (Exception e) when (attempt < Attempts && ConcurrencyErrors.IsConflict(e))
            {
            }
        }
    }
}
