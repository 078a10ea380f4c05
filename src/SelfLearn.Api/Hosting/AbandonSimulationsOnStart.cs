using SelfLearn.Agents.Experiments.Simulations;

namespace SelfLearn.Api.Hosting;

/// <summary>Marks the simulations whose process died as abandoned before the app (or a command) goes on; a failure here never stops the start.</summary>
public sealed class AbandonSimulationsOnStart(AbandonedSimulations simulations, ILogger<AbandonSimulationsOnStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await simulations.SweepAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Looking for abandoned simulations failed; they are looked for again on the next start: {Error}", e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
