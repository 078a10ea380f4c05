using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Api.Commands;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Simulations;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Api.Tests.Experiments;

/// <summary>A simulate that dies mid-run is found on the next start: marked abandoned with the reason, its users forgotten.</summary>
public sealed class AbandonedSimulationTests(AppFixture fixture) : ApiTest(fixture)
{
    private Task StartTheApp() =>
        Host.Services.GetServices<IHostedService>().OfType<AbandonSimulationsOnStart>().Single().StartAsync(CancellationToken.None);

    private static string Gone(SimulationOwner owner) => $"process {owner.ProcessId} on host {Environment.MachineName} is gone";

    [Fact]
    public async Task On_start_a_simulation_whose_process_is_gone_is_abandoned_with_the_reason_and_its_users_are_forgotten()
    {
        var deadOwner = await RunningSimulations.DeadOwner();
        var dead = await Host.StartRunning(deadOwner);
        var alive = await Host.StartRunning(RunningSimulations.ThisProcess());
        var elsewhere = await Host.StartRunning(deadOwner with { Host = "another-host" });
        await Host.Remember("bystander", ("I keep my memories.", "t1", "2024-01-10T09:00:00Z"));
        Assert.Equal(4 * RunningSimulations.MemoriesPerUser, await Host.MemoriesOf(dead.Users));

        await StartTheApp();

        var recorded = await Host.Get($"/api/simulations/{dead.Id}");
        Assert.Equal("abandoned", recorded!["status"]!.GetValue<string>());
        Assert.Equal(Gone(deadOwner), recorded["abandonment"]!["reason"]!.GetValue<string>());
        Assert.Equal(4, recorded["abandonment"]!["usersForgotten"]!.GetValue<int>());
        Assert.Equal(deadOwner.ProcessId, recorded["plan"]!["owner"]!["processId"]!.GetValue<int>());
        var abandoned = Assert.IsType<SimulationAbandoned>((await Host.EventsOf(dead.Id)).Last());
        Assert.Equal(new SimulationAbandoned(dead.Id, Gone(deadOwner), 4, AbandonedSimulations.By), abandoned);
        Assert.Equal(0, await Host.MemoriesOf(dead.Users));

        foreach (var untouched in new[] { alive, elsewhere })
        {
            Assert.Equal("running", (await Host.Get($"/api/simulations/{untouched.Id}"))!["status"]!.GetValue<string>());
            Assert.Single(await Host.EventsOf(untouched.Id));
            Assert.Equal(4 * RunningSimulations.MemoriesPerUser, await Host.MemoriesOf(untouched.Users));
        }
        Assert.Equal(1, await Host.MemoriesOf(["bystander"]));
    }

    [Fact]
    public async Task A_process_id_reused_by_a_later_process_does_not_keep_a_simulation_running()
    {
        var self = RunningSimulations.ThisProcess();
        var reused = await Host.StartRunning(self with { ProcessStartedAt = self.ProcessStartedAt.AddHours(-1) });

        var abandoned = Assert.Single(await Host.Services.GetRequiredService<AbandonedSimulations>().SweepAsync(CancellationToken.None));

        Assert.Equal(reused.Id, abandoned.SimulationId);
        var prefix = $"{Gone(self)} (that id now belongs to a process started at ";
        Assert.StartsWith(prefix, abandoned.Reason, StringComparison.Ordinal);
        var reportedStart = DateTimeOffset.Parse(abandoned.Reason[prefix.Length..^1], CultureInfo.InvariantCulture);
        Assert.InRange(reportedStart - self.ProcessStartedAt, -SimulationOwner.StartTimeTolerance, SimulationOwner.StartTimeTolerance);
        Assert.Equal(0, await Host.MemoriesOf(reused.Users));
    }

    [Fact]
    public async Task A_run_started_with_keep_memories_is_abandoned_but_keeps_its_memories()
    {
        var kept = await Host.StartRunning(await RunningSimulations.DeadOwner(), keepMemories: true);

        await StartTheApp();

        var recorded = await Host.Get($"/api/simulations/{kept.Id}");
        Assert.Equal("abandoned", recorded!["status"]!.GetValue<string>());
        Assert.Equal(0, recorded["abandonment"]!["usersForgotten"]!.GetValue<int>());
        Assert.Equal(4 * RunningSimulations.MemoriesPerUser, await Host.MemoriesOf(kept.Users));
    }

    [Fact]
    public async Task Two_starts_at_once_record_the_abandonment_once()
    {
        var dead = await Host.StartRunning(await RunningSimulations.DeadOwner());
        var forgetUser = Host.Services.GetRequiredService<ForgetUser>();
        var arrived = 0;
        var bothRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        AbandonedSimulations Sweeper()
        {
            var first = true;
            return new AbandonedSimulations(Fixture.Store, async (user, deployment, ct) =>
            {
                // Both sweeps have read the simulation as running before either records it.
                if (first && Interlocked.Increment(ref arrived) == 2) bothRead.SetResult();
                if (first) await bothRead.Task.WaitAsync(TimeSpan.FromMinutes(1)); // a guard against hanging, not a timing
                first = false;
                return await forgetUser.HandleAsync(user, deployment, ct);
            }, NullLogger<AbandonedSimulations>.Instance);
        }

        var results = await Task.WhenAll(Sweeper().SweepAsync(CancellationToken.None), Sweeper().SweepAsync(CancellationToken.None));

        Assert.Single(results.SelectMany(r => r));
        Assert.Single((await Host.EventsOf(dead.Id)).OfType<SimulationAbandoned>());
        Assert.Equal(0, await Host.MemoriesOf(dead.Users));
    }

    [Fact]
    public async Task The_simulate_command_records_its_own_process_as_the_owner()
    {
        var (maas, _) = RecordingMaas.Over(Host);
        var self = RunningSimulations.ThisProcess();

        Assert.Equal(0, await new SimulateCommand(Host.Services, maas).RunAsync(new CommandArguments(["--count", "1"]), CancellationToken.None));

        await using var session = Fixture.Store.QuerySession();
        var owner = (await session.Query<Simulation>().SingleAsync()).Plan.Owner!;
        Assert.Equal((Environment.MachineName, self.ProcessId), (owner.Host, owner.ProcessId));
        Assert.InRange(owner.ProcessStartedAt - self.ProcessStartedAt, -SimulationOwner.StartTimeTolerance, SimulationOwner.StartTimeTolerance);
    }
}
