using System.Globalization;
using System.Text;

namespace SelfLearn.Api.Hosting;

/// <summary>
/// "&lt;DataDirectory&gt;-run/owner.lock": the process that holds it open owns the local server (started it, stops it).
/// The lock is an exclusive advisory lock (FileShare.None is flock on Unix) that the kernel releases when the owner
/// ends, however it ends, so a held lock means a live owner and a free one means the owner is gone. It is not
/// inherited by child processes (the server itself), and the file is never deleted, so two claimants always meet on
/// the same file. The owner's process id is written in it for people (`cat`); .NET cannot read a locked file.
/// </summary>
internal sealed class PostgresOwnerLock : IDisposable
{
    private readonly FileStream _file;

    private PostgresOwnerLock(FileStream file) => _file = file;

    /// <summary>The lock, or null when a live process holds it.</summary>
    public static PostgresOwnerLock? TryClaim(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }

        file.SetLength(0);
        file.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
        file.Flush(flushToDisk: true);
        return new PostgresOwnerLock(file);
    }

    public void Dispose() => _file.Dispose();
}
