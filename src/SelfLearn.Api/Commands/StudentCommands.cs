using SelfLearn.Api.Simulations;
using Spectre.Console;

namespace SelfLearn.Api.Commands;

/// <summary>
/// The Student's own commands. They run the full app on a free loopback port, because they talk to the MaaS over
/// HTTP like any other client, then stop it.
/// </summary>
public static class StudentCommands
{
    public static bool Handles(string[] args) =>
        args.Length > 0 && args[0] is EvalRetrievalCommand.Name or ImportLocomoCommand.Name or SimulateCommand.Name;

    public static void UseFreePort(WebApplication app)
    {
        if (app.Configuration["Maas:BaseUrl"] is null)
        {
            app.Urls.Clear();
            app.Urls.Add("http://127.0.0.1:0");
        }
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var cancel = new CancellationTokenSource();
        // The first Ctrl+C stops the command cleanly (requests in flight finish); a second one ends the process.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !cancel.IsCancellationRequested;
            if (e.Cancel) Console.Error.WriteLine("Stopping: finishing the requests in flight (Ctrl+C again to quit now)…");
            cancel.Cancel();
        };
        await app.StartAsync(cancel.Token);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var arguments = new CommandArguments(args.Skip(1));
            return args[0] switch
            {
                EvalRetrievalCommand.Name => await new EvalRetrievalCommand(scope.ServiceProvider).RunAsync(arguments, cancel.Token),
                SimulateCommand.Name => await new SimulateCommand(scope.ServiceProvider).RunAsync(arguments, cancel.Token),
                _ => await new ImportLocomoCommand(scope.ServiceProvider).RunAsync(arguments, cancel.Token),
            };
        }
        catch (ArgumentException e)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return 2;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }
}
