using System.Reflection;
using SelfLearn.Api.Commands;
using SelfLearn.Api.Tests.Teacher;

namespace SelfLearn.Api.Tests.Hosting;

/// <summary>help lists every command the host dispatches: each *Command type's name, in the printed table.</summary>
public sealed class CommandLineHelpTests
{
    [Fact]
    public async Task Help_lists_every_command_of_the_host()
    {
        var names = typeof(CommandLineHelp).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Command", StringComparison.Ordinal))
            .Select(t => t.GetField("Name", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("cycle", names);
        Assert.Contains("report", names);
        Assert.Contains("as-of", names);

        var (_, printed) = await ConsoleCapture.RunAsync(() => { CommandLineHelp.Print(); return Task.FromResult(0); });

        var listed = printed.Split('\n').Select(l => l.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length == 2 && cells[0] != "command").Select(cells => cells[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, listed);
    }
}
