using SelfLearn.Agents.Audit;
using Spectre.Console;

namespace SelfLearn.Api.Commands;

/// <summary>verify: recomputes the hash chain of every event stream; exit code 0 when intact, 1 when an event does not match.</summary>
public static class VerifyCommand
{
    public const string Name = "verify";
    public const int Broken = 1;

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var verify = services.GetRequiredService<VerifyEventChains>();
        ChainReport report = null!;
        await AnsiConsole.Status().StartAsync("Verifying the event hash chains…", async status =>
        {
            var progress = new Progress<long>(events => status.Status($"Verifying the event hash chains… {events:N0} events"));
            report = await verify.RunAsync(progress, ct);
        });

        if (report.FirstBreak is not { } first)
        {
            AnsiConsole.MarkupLine($"[green]Intact[/]: {report.Events:N0} events in {report.Streams:N0} streams match their hash chains.");
            return 0;
        }

        AnsiConsole.MarkupLine($"[red]Broken[/]: {report.BrokenStreams:N0} of {report.Streams:N0} streams do not match their hash chains " +
            $"({report.Events:N0} events checked).");
        AnsiConsole.MarkupLine(Markup.Escape($"First event that does not match: sequence {first.Sequence}, stream '{first.StreamId}' version " +
            $"{first.Version} ({first.Type}, id {first.EventId}); stored hash {first.StoredHash ?? "(none)"}, recomputed {first.ExpectedHash}."));
        return Broken;
    }
}
