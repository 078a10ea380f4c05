namespace SelfLearn.Api.Tests.Infrastructure;

/// <summary>
/// Tests whose outcome waits on wall-clock windows (1-second online windows that need five live runs each): they run
/// alone, after the parallel ones, because on a busy 2-core machine a window could close with fewer runs than its rule needs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WallClockCollection
{
    public const string Name = "wall clock";
}
