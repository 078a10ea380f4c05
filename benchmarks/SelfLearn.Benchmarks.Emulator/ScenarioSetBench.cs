using System.Diagnostics;
using Npgsql;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Feedback;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Querying;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Benchmarks.Shared;
using SelfLearn.Domain.Scenarios;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>
/// Plays one scenario set pass after pass: a cold pass over HTTP, then warm passes over HTTP and in process, interleaved. Each pass has its own simulation id, hence its own users: memories are
/// ingested again (vectors from the cache once warm) and the users are forgotten afterwards, so every pass starts
/// from the same index sizes.
/// </summary>
internal sealed class ScenarioSetBench(KestrelApp host, NpgsqlDataSource database, SimulationTarget target, int concurrency)
{
    private readonly IMaasClient _http = new HttpMaasClient(host.Client);
    private readonly IMaasClient _inProcess = new InProcessMaas(host.Get<IngestMemories>(), host.Get<AnswerQuestion>(), host.Get<ForgetUser>(), host.Get<RecordFeedback>());

    public async Task<SetResult> RunAsync(ScenarioSet set, string source, int passes, CancellationToken ct)
    {
        var shape = Plan(set, "plan");
        Progress.Log($"{set.Name}: {set.Scenarios.Count} scenarios, {shape.Dialogs} dialogs, {shape.Requests} requests per pass");
        var cold = await PassAsync(set, PassResult.Http, PassResult.Cold, 1, ct);
        var warm = new List<PassResult>();
        var inProcess = new List<PassResult>();
        for (var i = 1; i <= passes; i++)
        {
            // Alternating who goes first spreads the JIT's late tier-ups and any drift in load over both sides.
            if (i % 2 == 1)
                warm.Add(await PassAsync(set, PassResult.Http, PassResult.Warm, i, ct));
            inProcess.Add(await PassAsync(set, PassResult.InProcess, PassResult.Warm, i, ct));
            if (i % 2 == 0)
                warm.Add(await PassAsync(set, PassResult.Http, PassResult.Warm, i, ct));
        }
        return new SetResult(set.Name, source, set.Scenarios.Count, shape.Dialogs, shape.Requests, cold, warm, inProcess);
    }

    private async Task<PassResult> PassAsync(ScenarioSet set, string maas, string embeddings, int number, CancellationToken ct)
    {
        var name = $"{set.Name}: {maas} {embeddings} {number}";
        var plan = Plan(set, "b" + Guid.CreateVersion7().ToString("N")[..16]);
        var client = maas == PassResult.Http ? _http : _inProcess;
        var timed = new TimedMaas(client);
        var (result, seconds) = await CpuMeter.MeasureAsync(name, async () =>
        {
            var started = Stopwatch.GetTimestamp();
            var played = await new UserEmulator(timed).RunAsync(plan, concurrency, null, ct);
            await host.Get<TelemetryWriter>().FlushAsync(ct);
            return (played, Stopwatch.GetElapsedTime(started).TotalSeconds);
        });
        var cpu = CpuMeter.Phases[^1];
        PassCheck.EnsureComplete(name, plan, result, await host.Get<StoredRuns>().CountAsync(plan.Settings.SimulationId, ct));
        var server = await ServerStages.ReadAsync(database, plan.Settings.SimulationId, ct);
        await new UserEmulator(client).ForgetUsersAsync(plan, ct);

        var pass = PassResult.From(maas, embeddings, number, plan.Settings.SimulationId, seconds, result, cpu, timed.Times(), server);
        Progress.Log(Invariant($"{name}: {pass.Dialogs} dialogs in {pass.Seconds:0.0} s = {pass.Rates.DialogsPerSecond} dialogs/s, ")
            + Invariant($"{pass.Rates.RequestsPerSecond} requests/s; CPU app {cpu.AppCpuSeconds} s, postgres {cpu.PostgresCpuSeconds} s, {cpu.CoresBusy} cores busy"));
        return pass;
    }

    private SimulationPlan Plan(ScenarioSet set, string simulationId) =>
        SimulationPlan.Build(set, new SimulationSettings(simulationId, target.DeploymentId, target.ExperimentId, [.. target.Variants.Select(v => v.Name)]));
}
