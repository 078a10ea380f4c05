using System.Globalization;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// The goal's wall time, within a cycle: the cycle was given what was left of it when it started
/// (<see cref="Cycle.Goal"/>'s budget). Once that has passed, no further experiment starts: the ones not started yet are
/// skipped, and the cycle goes on to its recommendations with what the earlier ones found.
/// </summary>
public static class CycleWallTime
{
    /// <summary>The experiments to skip at <paramref name="now"/>, or null while there is time left (or nothing left to start).</summary>
    public static ExperimentsSkipped? Skip(Cycle cycle, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var budget = cycle.Goal.Budget.WallTimeMinutes;
        var elapsed = now - cycle.StartedAt;
        if (elapsed < TimeSpan.FromMinutes(budget))
            return null;
        var notStarted = (cycle.Experiments ?? []).Where(x => x.Skipped is null && x.TreatmentVersion is null).Select(x => x.Plan.ExperimentId).ToList();
        return notStarted.Count == 0
            ? null
            : new ExperimentsSkipped(cycle.CycleId, notStarted, string.Create(CultureInfo.InvariantCulture,
                $"the goal's wall time is spent: {Math.Floor(elapsed.TotalMinutes):0} of {budget} minute(s) since the cycle started."));
    }
}
