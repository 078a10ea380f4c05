namespace SelfLearn.Agents.Tests.Teacher.Search;

/// <summary>A clock that never moves, so a trial's elapsed time is 0 and a trace depends on the seed alone.</summary>
internal sealed class FixedClock : TimeProvider
{
    public override long GetTimestamp() => 0;
}
