using System.Diagnostics;
using System.Globalization;

namespace SelfLearn.Api.Hosting.Cluster;

/// <summary>Stopping a child app process as a service manager would: SIGTERM, so the host shuts down gracefully, then SIGKILL.</summary>
public static class GracefulStop
{
    /// <summary>Sends SIGTERM and waits; kills the process (and its children) when it is still running after <paramref name="grace"/>.</summary>
    public static async Task TerminateAsync(this Process process, TimeSpan grace)
    {
        if (process.HasExited)
            return;
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var patience = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
