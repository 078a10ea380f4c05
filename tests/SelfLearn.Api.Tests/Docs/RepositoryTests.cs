using System.Security.Cryptography;

namespace SelfLearn.Api.Tests.Docs;

/// <summary>A clone stands on its own: nothing it runs or documents reaches outside the repository for data.</summary>
public sealed class RepositoryTests
{
    private static readonly string Root = FindRoot();

    // Assembled so that this file does not match itself.
    private static readonly string[] OutsidePaths = [".." + "/shared", "shared" + "/data/locomo", @".." + @"\shared"];

    [Fact]
    public void Nothing_in_the_repository_refers_to_a_folder_beside_it()
    {
        var files = new[] { "src", "tests", "benchmarks", "docs", "scripts", ".ci" }
            .Select(folder => Path.Combine(Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Append(Path.Combine(Root, "README.md"))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} files found under {Root}");

        var offenders = files.Where(file => OutsidePaths.Any(File.ReadAllText(file).Contains)).Select(file => Path.GetRelativePath(Root, file));

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_LoCoMo_dev_split_is_kept_with_its_licence_and_checksum()
    {
        var folder = Path.Combine(Root, "data", "locomo");
        var recorded = File.ReadAllText(Path.Combine(folder, "locomo-dev.json.sha256")).Split(' ')[0];

        Assert.Equal(recorded, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "locomo-dev.json")))));
        Assert.Contains("CC BY-NC 4.0", File.ReadAllText(Path.Combine(folder, "LICENSE")), StringComparison.Ordinal);
        Assert.Contains("Maharana", File.ReadAllText(Path.Combine(folder, "README.md")), StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SelfLearn.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"No SelfLearn.sln above {AppContext.BaseDirectory}.");
    }
}
