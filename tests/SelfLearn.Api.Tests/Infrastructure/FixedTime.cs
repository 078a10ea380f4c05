namespace SelfLearn.Api.Tests.Infrastructure;

/// <summary>A clock stopped at <paramref name="now"/>, for a service built by hand in a test.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
