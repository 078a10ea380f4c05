using System.ComponentModel.DataAnnotations;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// Live monitoring (<c>Online</c>, docs/ONLINE.md): the base window every rule's window is a multiple of, and the seeded
/// sample of live runs the offline judge grades. Written to <c>selflearn.online_settings</c> at start, where the fold reads them.
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

    /// <summary>The start of the window holding <paramref name="at"/>: windows are aligned to the Unix epoch.</summary>
    public DateTimeOffset WindowStart(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds() / WindowSeconds * WindowSeconds);
}
