namespace SelfLearn.Api.Tests.Experiments;

/// <summary>The host's command line only reads flags, calls a workflow of Agents/Experiments (or Agents/Audit) and prints.</summary>
public sealed class CommandLineBoundaryTests
{
    private static readonly string[] Workflow =
        ["IDocumentSession", "IQuerySession", "IDocumentStore", "IMessageBus", "Events.Append", "StartStream", "NpgsqlDataSource", "using Marten", "using Wolverine"];

    [Fact]
    public void The_commands_hold_no_session_bus_or_stream_append()
    {
        var root = FindRoot();
        var sources = new[] { "Commands", "Simulations" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(root, "src", "SelfLearn.Api", folder), "*.cs", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(root, "src", "SelfLearn.Api", "Teacher"), "*Command.cs"))
            .Concat(Directory.GetFiles(Path.Combine(root, "src", "SelfLearn.Api", "Manager"), "*Command.cs", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(root, "src", "SelfLearn.Api", "Deployments"), "*Command.cs"))
            .ToList();
        Assert.True(sources.Count > 10, $"only {sources.Count} command-line sources found");

        var offending = sources.SelectMany(file => Workflow.Where(File.ReadAllText(file).Contains).Select(word => $"{Path.GetFileName(file)}: {word}"));
        Assert.Empty(offending);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SelfLearn.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"No SelfLearn.sln above {AppContext.BaseDirectory}.");
    }
}
