using System.ComponentModel.DataAnnotations;

namespace SelfLearn.Api.Security;

/// <summary>
/// A token bucket per caller (configuration section <c>RateLimiting</c>): an API key, or the remote address of a
/// request without a valid key. The defaults allow bursts of 200 requests and 100 a second after that.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    [Range(1, int.MaxValue)]
    public int TokenLimit { get; set; } = 200;

    [Range(1, int.MaxValue)]
    public int TokensPerPeriod { get; set; } = 100;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
