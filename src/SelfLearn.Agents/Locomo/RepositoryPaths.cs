namespace SelfLearn.Agents.Locomo;

/// <summary>
/// Finds a path the repository ships (<c>data/…</c>) from wherever the app or a test runs: the shell's folder, the
/// current folder, then the binaries' folder, each and its parents in turn.
/// </summary>
public static class RepositoryPaths
{
    /// <returns>The full path, or null when no folder above those starts holds it.</returns>
    public static string? Find(string relative)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relative);
        if (Path.IsPathRooted(relative))
            return File.Exists(relative) || Directory.Exists(relative) ? relative : null;
        var starts = new[] { Environment.GetEnvironmentVariable("PWD"), Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var start in starts.OfType<string>().Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}
