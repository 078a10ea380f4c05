namespace SelfLearn.Benchmarks;

/// <summary>
/// The seeded history: version v is created at Start + (v-1)·Spacing and activated half a spacing later, so the answer
/// to "which version was active at T" is known without asking the store.
/// </summary>
internal sealed record Timeline(DateTimeOffset Start, int Versions)
{
    public static readonly TimeSpan Spacing = TimeSpan.FromMinutes(1);

    /// <summary>A history that ends an hour before now, on a whole second (PostgreSQL keeps microseconds).</summary>
    public static Timeline EndingBeforeNow(int versions)
    {
        var end = DateTimeOffset.UtcNow.AddHours(-1);
        var start = end - Spacing * versions;
        return new Timeline(new DateTimeOffset(start.UtcTicks - start.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero), versions);
    }

    public DateTimeOffset Created(int version) => Start + Spacing * (version - 1);

    public DateTimeOffset Activated(int version) => Created(version) + Spacing / 2;

    public DateTimeOffset End => Activated(Versions) + Spacing;

    /// <summary>The version active at <paramref name="at"/>, or null before the first activation.</summary>
    public int? ActiveAt(DateTimeOffset at)
    {
        var sinceFirst = at - Activated(1);
        return sinceFirst < TimeSpan.Zero ? null : Math.Min(Versions, (int)(sinceFirst.Ticks / Spacing.Ticks) + 1);
    }

    /// <summary>A random instant between the first activation and the end of the history, to the microsecond.</summary>
    public DateTimeOffset RandomInstant(Random random)
    {
        var first = Activated(1).UtcTicks;
        var ticks = first + random.NextInt64(End.UtcTicks - first);
        return new DateTimeOffset(ticks - ticks % 10, TimeSpan.Zero);
    }
}
