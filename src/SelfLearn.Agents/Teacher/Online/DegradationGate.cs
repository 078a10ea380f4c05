namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// Passed by an evaluation after it has read and judged a deployment and before it writes anything. The app's gate
/// opens at once; the race test holds two evaluators here so their reads and writes are forced to overlap.
/// </summary>
public interface IDegradationGate
{
    ValueTask BeforeActingAsync(string deploymentId, CancellationToken ct);
}

internal sealed class OpenDegradationGate : IDegradationGate
{
    public ValueTask BeforeActingAsync(string deploymentId, CancellationToken ct) => ValueTask.CompletedTask;
}
