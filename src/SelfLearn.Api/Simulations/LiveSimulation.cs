using System.Globalization;
using System.Text.Json;
using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Emulator.Live;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Commands;
using Spectre.Console;

namespace SelfLearn.Api.Simulations;

/// <summary>
/// simulate --cycle-type online: the emulator plays live users (<see cref="LiveUsers"/>) at a rate for a bounded time,
/// naming no experiment, so the online path (live split, windows, rules) runs end to end. Reads flags, calls, prints.
/// </summary>
public sealed class LiveSimulation(IServiceProvider services, IMaasClient? maas = null)
{
    public async Task<int> RunAsync(CommandArguments raw, CancellationToken stop)
    {
        var args = LiveArguments.Read(raw);
        var scenarios = args.ScenariosFile is { } file
            ? SimulationDataset.FromFile(file)
            : await SimulationDataset.FromLibraryAsync(services.GetRequiredService<IScenarioAuthor>(), args.Seed, args.Count, stop);
        var runId = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var plan = LivePlan.Build(scenarios.Set, new LiveSettings(runId, args.DeploymentId, args.Seed));
        var users = new LiveUsers(maas ?? services.GetRequiredService<IMaasClient>());
        var demo = args.Degrade ? services.GetRequiredService<DegradationDemo>() : null;
        var degraded = demo is null ? null : await demo.StartAsync(args.DeploymentId, stop);
        if (degraded is not null)
            AnsiConsole.MarkupLine($"[yellow]--degrade:[/] rule [bold]{degraded.Rule}[/] set (abstention above 0.5 in 2 windows running); deliberately bad version " +
                $"[bold]{degraded.BadVersion}[/] (retrieval.min_score = 1: every memory dropped) activated as activation {degraded.Activation}.");
        var load = args.Load;
        AnsiConsole.MarkupLine($"Live users [bold]{runId}[/] on deployment {Markup.Escape(args.DeploymentId)}: {plan.Users.Count()} users ({Markup.Escape(scenarios.Source)}), " +
            $"{plan.Ingests.Count} sessions told first, then {load.Requests:N0} queries at {load.Rate.ToString("0.###", CultureInfo.InvariantCulture)}/s " +
            $"for {load.Duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s, at most {load.MaxInFlight} in flight, " +
            $"{load.FeedbackShare.ToString("0.##", CultureInfo.InvariantCulture)} of answers rated.");

        LiveResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("queries answered or failed", maxValue: load.Requests);
                result = await users.RunAsync(plan, load, new Progress<LiveProgress>(p => task.Value = p.Answered + p.Failed), stop);
                task.StopTask();
            });
        var forgotten = args.KeepMemories ? 0 : await users.ForgetUsersAsync(plan, CancellationToken.None);

        Print(result!, forgotten, args.KeepMemories);
        if (degraded is not null)
            DegradationDemoReport.Print(await DegradationDemoReport.WaitAsync(demo!, args.DeploymentId, degraded, services, stop), degraded);
        if (args.OutFile is { } output)
        {
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, SimulateCommand.Json), CancellationToken.None);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]");
        }
        return result!.Stopped ? SimulateCommand.Cancelled : 0;
    }

    private static void Print(LiveResult result, int forgotten, bool kept)
    {
        var table = new Table().AddColumns("served by", "queries");
        foreach (var (server, count) in result.ServedBy)
            table.AddRow(Markup.Escape(server), count.ToString("N0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{(result.Stopped ? "[yellow]stopped[/]" : "[green]done[/]")} in {result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: " +
            $"{result.Sent:N0} sent ({result.AchievedRate.ToString("0.0", CultureInfo.InvariantCulture)}/s), {result.Answered:N0} answered, " +
            $"{result.Abstained:N0} abstained, {result.Failed:N0} failed; p50 {Ms(result.P50Ms)}, p95 {Ms(result.P95Ms)} as the users saw it; " +
            $"rated {result.RatedUp:N0} up, {result.RatedDown:N0} down.");
        AnsiConsole.MarkupLine(kept ? "The users' memories were kept (--keep-memories)." : $"Forgot the live users: {forgotten:N0} memories deleted; their telemetry stays.");
        foreach (var error in result.Errors.Take(5))
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(error)}");
    }

    private static string Ms(double? value) => value is { } ms ? ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "n/a";
}
