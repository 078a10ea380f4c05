namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>
/// Where in time a run's row lies, read from its id: the Student's run ids are UUIDv7, whose first 48 bits are the
/// Unix milliseconds of the moment the run began. Telemetry is partitioned by month of <c>at</c>, and PostgreSQL prunes
/// partitions only on <c>at</c>, so a lookup by id alone probes every month; with these bounds it reads one or two.
/// </summary>
public static class RunIdTime
{
    /// <summary>How far the row's <c>at</c> may lie from the id's time: a run is stamped by the app's clock, not the id's.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromDays(1);

    private static readonly long LatestMilliseconds = (DateTimeOffset.MaxValue - Slack).ToUnixTimeMilliseconds();

    /// <summary>The range <c>at</c> of a run with this id should fall in; null when the id is not a UUIDv7.</summary>
    public static (DateTimeOffset From, DateTimeOffset To)? Window(Guid runId)
    {
        Span<byte> bytes = stackalloc byte[16];
        runId.TryWriteBytes(bytes, bigEndian: true, out _);
        if (bytes[6] >> 4 != 7)
            return null;
        long milliseconds = 0;
        for (var i = 0; i < 6; i++)
            milliseconds = (milliseconds << 8) | bytes[i];
        // A hand-made id can name a time past the year 9999, which no row can have.
        if (milliseconds > LatestMilliseconds)
            return null;
        var began = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return (began - Slack, began + Slack);
    }
}
