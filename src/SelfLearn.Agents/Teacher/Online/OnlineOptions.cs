using System.ComponentModel.DataAnnotations;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>Live monitoring (<c>Online</c>, docs/ONLINE.md): the base window every rule's window is a multiple of.</summary>
public sealed class OnlineOptions
{
    public const string Section = "Online";

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    /// <summary>The start of the window holding <paramref name="at"/>: windows are aligned to the Unix epoch.</summary>
    public DateTimeOffset WindowStart(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds() / WindowSeconds * WindowSeconds);
}
