using System.Globalization;

namespace SelfLearn.Domain.Simulations;

/// <summary>
/// The process playing a simulation. Its start time tells the owner apart from a later process that was given the same
/// id after the owner died.
/// </summary>
public sealed record SimulationOwner(string Host, int ProcessId, DateTimeOffset ProcessStartedAt)
{
    /// <summary>Start times are read from the clock each time they are asked for, so two readings of one process may differ slightly.</summary>
    public static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Why the owner is gone, or null while it still runs. <paramref name="startOfProcessWithThatId"/> is when the process
    /// that now has <see cref="ProcessId"/> on <paramref name="host"/> started (null: no process has it). From another host
    /// nothing can be told, so the owner counts as running.
    /// </summary>
    public string? WhyGone(string host, DateTimeOffset? startOfProcessWithThatId)
    {
        if (!string.Equals(host, Host, StringComparison.OrdinalIgnoreCase))
            return null;
        var gone = $"process {ProcessId} on host {Host} is gone";
        return startOfProcessWithThatId switch
        {
            null => gone,
            { } start when (start - ProcessStartedAt).Duration() <= StartTimeTolerance => null,
            { } start => $"{gone} (that id now belongs to a process started at {start.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)})",
        };
    }
}
