using System.Collections.Concurrent;
using SelfLearn.Agents.Maas;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Agents.Emulator.Running;

/// <summary>What was just sent for one variant: this many requests, completing this many dialogs (threads).</summary>
public sealed record EmulatorProgress(string Variant, int Requests, int Dialogs);

public sealed record EmulatorResult(IReadOnlyList<VariantTally> Tallies, IReadOnlyList<string> Errors, bool Stopped);

/// <summary>
/// Plays a plan against a memory service through its HTTP contract only (<see cref="IMaasClient"/>): scenarios run
/// concurrently, each one's threads in order. Stopping lets every request in flight finish and sends no new one, so
/// each pipeline run the MaaS recorded is complete and counted. A failed request is counted and the run goes on,
/// except when the MaaS refuses the API key (401/403): that ends the run with the <see cref="MaasException"/>.
/// </summary>
public sealed class UserEmulator(IMaasClient maas)
{
    public const int KeptErrors = 20;

    public async Task<EmulatorResult> RunAsync(SimulationPlan plan, int concurrency, IProgress<EmulatorProgress>? progress, CancellationToken stop)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var counters = plan.Settings.Variants.ToDictionary(v => v, v => new VariantCounter(v), StringComparer.Ordinal);
        var errors = new ConcurrentQueue<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        await Parallel.ForEachAsync(plan.Runs, options, async (run, _) =>
        {
            var counter = counters[run.Variant];
            foreach (var thread in run.Threads)
            {
                if (stop.IsCancellationRequested) return;
                var sent = await PlayAsync(thread, counter, errors, stop);
                if (sent < thread.Requests)
                {
                    progress?.Report(new EmulatorProgress(run.Variant, sent, 0));
                    return;
                }
                counter.DialogDone();
                progress?.Report(new EmulatorProgress(run.Variant, sent, 1));
            }
            if (!stop.IsCancellationRequested) counter.ScenarioDone();
        });
        return new EmulatorResult([.. counters.Values.Select(c => c.Tally())], [.. errors], stop.IsCancellationRequested);
    }

    /// <summary>Deletes the simulation's users and their memories; telemetry stays.</summary>
    public async Task<int> ForgetUsersAsync(SimulationPlan plan, CancellationToken ct)
    {
        var deleted = 0;
        foreach (var run in plan.Runs)
            deleted += await maas.ForgetUserAsync(run.UserId, plan.Settings.DeploymentId, ct);
        return deleted;
    }

    /// <summary>Returns how many of the thread's requests were sent (all, unless asked to stop).</summary>
    private async Task<int> PlayAsync(PlannedThread thread, VariantCounter counter, ConcurrentQueue<string> errors, CancellationToken stop)
    {
        var sent = 0;
        if (thread.Ingest is { } ingest)
        {
            await SendAsync(async () => counter.Ingested((await maas.IngestAsync(ingest, CancellationToken.None)).MemoryIds.Count), counter, errors);
            sent++;
        }
        for (var i = 0; i < thread.Queries.Count && !stop.IsCancellationRequested; i++)
        {
            var query = thread.Queries[i];
            var followUp = i > 0;
            await SendAsync(async () => counter.Answered(followUp, (await maas.QueryAsync(query, CancellationToken.None)).Abstained), counter, errors);
            sent++;
        }
        return sent;
    }

    /// <summary>Requests in flight are never cancelled: a half-sent request would leave a run the tally does not know.</summary>
    private static async Task SendAsync(Func<Task> send, VariantCounter counter, ConcurrentQueue<string> errors)
    {
        counter.Sent();
        try
        {
            await send();
        }
        catch (MaasException e) when (e.Status is 401 or 403)
        {
            throw; // a refused key refuses every request: stop at once instead of counting thousands of failures
        }
        catch (Exception e) when (e is MaasException or HttpRequestException or TaskCanceledException)
        {
            counter.Failed();
            if (errors.Count < KeptErrors) errors.Enqueue(e.Message);
        }
    }
}
