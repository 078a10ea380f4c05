namespace SelfLearn.Api.Commands;

/// <summary>
/// `dotnet run --project` starts the app in the project folder, but users type paths relative to their shell; the
/// shell's folder is still in PWD, so relative paths are resolved there first.
/// </summary>
public static class UserPaths
{
    public static string Resolve(string path) =>
        Path.IsPathRooted(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } shell
            ? Path.GetFullPath(path)
            : Path.GetFullPath(Path.Combine(shell, path));

    public static string ExistingFile(string path) =>
        Resolve(path) is var full && File.Exists(full) ? full : throw new ArgumentException($"no file '{full}'.");
}
