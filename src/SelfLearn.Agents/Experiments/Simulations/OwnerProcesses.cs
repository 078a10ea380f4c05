using System.Diagnostics;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>This process as a simulation's owner, and when the process that now holds a given id started.</summary>
public static class OwnerProcesses
{
    private static readonly Lazy<SimulationOwner> Self = new(() =>
    {
        using var self = Process.GetCurrentProcess();
        return new SimulationOwner(Environment.MachineName, self.Id, StartOf(self));
    });

    public static SimulationOwner Current => Self.Value;

    /// <summary>Null when no process has that id on this machine.</summary>
    public static DateTimeOffset? StartOf(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return StartOf(process);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null; // ArgumentException: no such process; InvalidOperationException: it exited while being read
        }
    }

    private static DateTimeOffset StartOf(Process process) => new(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
}
