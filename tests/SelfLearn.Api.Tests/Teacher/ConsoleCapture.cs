using Spectre.Console;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>Runs a command with Spectre's console writing to a string, as when its output is piped: no ANSI, not a terminal.</summary>
public static class ConsoleCapture
{
    public static async Task<(int Code, string Output)> RunAsync(Func<Task<int>> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var output = new StringWriter();
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No,
        });
        try
        {
            return (await command(), output.ToString().ReplaceLineEndings("\n"));
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
    }
}
