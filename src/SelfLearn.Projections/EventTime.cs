namespace SelfLearn.Projections;

public static class EventTime
{
    /// <summary>PostgreSQL keeps microseconds; truncating the same way makes "as of" lookups agree with the event table.</summary>
    public static DateTimeOffset ToMicroseconds(this DateTimeOffset at) =>
        new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
}
