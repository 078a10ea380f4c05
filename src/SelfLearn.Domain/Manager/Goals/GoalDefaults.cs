namespace SelfLearn.Domain.Manager.Goals;

/// <summary>What a goal gets when the meta-user does not say (docs/GOALS.md lists the same values).</summary>
public static class GoalDefaults
{
    public const string Deployment = "default";

    /// <summary>Priorities run from 1 (first) to <see cref="GoalRules.MaxPriority"/>.</summary>
    public const int Priority = 50;

    public static GoalBudget Budget { get; } = new(Experiments: 5, SimulatedDialogs: 1000, WallTimeMinutes: 120);

    /// <summary>"Without losing recall": the guard lets it get at most 2 % worse than the baseline.</summary>
    public const double NoLossRelativeDegradation = 0.02;

    /// <summary>"Cost untouched": the guard lets it get no worse at all.</summary>
    public const double UntouchedRelativeDegradation = 0;
}
