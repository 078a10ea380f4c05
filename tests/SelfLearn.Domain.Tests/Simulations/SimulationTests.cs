using SelfLearn.Domain.Simulations;

namespace SelfLearn.Domain.Tests.Simulations;

public sealed class SimulationTests
{
    private static readonly DateTimeOffset Started = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly SimulationOwner Owner = new("box-1", 4321, Started.AddSeconds(-5));

    private static SimulationStarted Plan() => new("s1", "exp", "sim", [new("a", 1), new("b", 2)], "builtin", 1,
        "abc", 42, 4, null, "system:simulate", Owner);

    [Fact]
    public void An_abandoned_simulation_records_the_reason_and_when_it_was_found_and_keeps_its_plan()
    {
        var running = Simulation.Create(Plan(), Started);
        var found = Started.AddHours(2);
        var abandoned = new SimulationAbandoned("s1", "process 4321 on host box-1 is gone", 4, "system:abandoned-simulations");

        var simulation = running.Apply(abandoned, found);

        Assert.Equal("abandoned", simulation.Status);
        Assert.Equal(abandoned, simulation.Abandonment);
        Assert.Equal(found, simulation.FinishedAt);
        Assert.Equal(Started, simulation.StartedAt);
        Assert.Equal(running.Plan, simulation.Plan);
        Assert.Empty(simulation.Tallies);
        Assert.Null(simulation.Error);
    }

    [Fact]
    public void A_started_simulation_is_running_and_not_abandoned()
    {
        var simulation = Simulation.Create(Plan(), Started);

        Assert.Equal("running", simulation.Status);
        Assert.Null(simulation.Abandonment);
        Assert.Equal(Owner, simulation.Plan.Owner);
    }

    [Fact]
    public void An_owner_is_gone_when_no_process_on_its_host_has_its_id()
    {
        Assert.Equal("process 4321 on host box-1 is gone", Owner.WhyGone("box-1", null));
        Assert.Equal("process 4321 on host box-1 is gone", Owner.WhyGone("BOX-1", null));
    }

    [Fact]
    public void An_owner_whose_id_now_belongs_to_a_later_process_is_gone()
    {
        var later = Owner.ProcessStartedAt.AddMinutes(10);

        Assert.Equal("process 4321 on host box-1 is gone (that id now belongs to a process started at 2026-03-01T09:09:55.0000000+00:00)",
            Owner.WhyGone("box-1", later));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(-1000)]
    public void An_owner_whose_process_started_when_recorded_runs_on_within_a_second(int milliseconds) =>
        Assert.Null(Owner.WhyGone("box-1", Owner.ProcessStartedAt.AddMilliseconds(milliseconds)));

    [Fact]
    public void A_start_time_more_than_a_second_off_is_another_process() =>
        Assert.Equal("process 4321 on host box-1 is gone (that id now belongs to a process started at 2026-03-01T08:59:56.0010000+00:00)",
            Owner.WhyGone("box-1", Owner.ProcessStartedAt.AddMilliseconds(1001)));

    [Fact]
    public void An_owner_on_another_host_cannot_be_judged_from_here_and_counts_as_running() =>
        Assert.Null(Owner.WhyGone("box-2", null));
}
