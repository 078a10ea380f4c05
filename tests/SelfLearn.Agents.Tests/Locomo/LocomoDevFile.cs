namespace SelfLearn.Agents.Tests.Locomo;

/// <summary>The LoCoMo dev split the repository keeps under data/locomo (CC BY-NC 4.0, see its README).</summary>
internal static class LocomoDevFile
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "SelfLearn.sln")))
            dir = dir.Parent;
        var repository = dir ?? throw new InvalidOperationException($"No SelfLearn.sln above {AppContext.BaseDirectory}.");
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(repository.FullName, "data", "locomo", "locomo-dev.json"));
    }
}
