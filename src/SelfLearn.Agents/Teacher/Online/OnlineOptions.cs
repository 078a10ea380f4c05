using System.ComponentModel.DataAnnotations;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// Live monitoring (<c>Online</c>, docs/ONLINE.md): the base window every rule's window is a multiple of, the seeded
/// sample of live runs the offline judge grades (written to <c>selflearn.online_settings</c> at start, where the fold
/// reads them), the monitor's schedule and the offline→online check.
/// </summary>
public sealed class OnlineOptions
{
    public const string Section = "Online";

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>The share of answered live runs the judge grades: a run is sampled when its hash (docs/ONLINE.md) is below it.</summary>
    [Range(0.0, 1.0)]
    public double JudgeSampleRate { get; set; } = 0.1;

    [Required(AllowEmptyStrings = false)]
    [StringLength(200)]
    public string JudgeSeed { get; set; } = "selflearn-online";

    /// <summary>Seconds between two passes of the judge over the sampled runs; 0 leaves judging to whoever calls it.</summary>
    [Range(0, 86_400)]
    public int JudgeIntervalSeconds { get; set; } = 10;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    /// <summary>How long an activation's version runs live before its offline prediction is checked, and how far back its predecessor is read.</summary>
    [Range(1, 10_080)]
    public int ValidityMinutes { get; set; } = 30;

    /// <summary>The fewest live runs a metric needs on each side of an activation to count in the offline→online agreement.</summary>
    [Range(1, 1_000_000)]
    public int ValidityMinSamples { get; set; } = 30;

    public TimeSpan ValiditySpan => TimeSpan.FromMinutes(ValidityMinutes);

    /// <summary>
    /// How often the degradation rules of every deployment are evaluated (docs/DEGRADATION_RULES.md): a whole number of
    /// seconds that divides a minute, or of minutes that divides an hour, so the schedule is a cron expression; 0 turns
    /// the schedule off (evaluations then run only when asked for).
    /// </summary>
    [Range(0, 3600)]
    public int EvaluateSeconds { get; set; } = 60;

    /// <summary>The start of the window holding <paramref name="at"/>: windows are aligned to the Unix epoch.</summary>
    public DateTimeOffset WindowStart(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds() / WindowSeconds * WindowSeconds);
}
