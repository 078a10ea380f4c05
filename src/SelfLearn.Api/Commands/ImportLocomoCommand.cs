using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Locomo;
using Spectre.Console;
using Wolverine;

namespace SelfLearn.Api.Commands;

/// <summary>import-locomo --dataset FILE [--conversations id,id] [--deployment ID]: loads LoCoMo conversations as users' memories.</summary>
public sealed class ImportLocomoCommand(IServiceProvider services)
{
    public const string Name = "import-locomo";

    public async Task<int> RunAsync(CommandArguments args, CancellationToken ct)
    {
        var (conversations, deploymentId) = LocomoArguments.Read(args, "default");

        await services.GetRequiredService<IMessageBus>().InvokeAsync<Agents.Tuner.TunerOutcome>(
            new Agents.Tuner.OpenDeployment(deploymentId, "LoCoMo import", "system:import-locomo"), ct);
        var maas = services.GetRequiredService<IMaasClient>();
        var total = 0;
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("embedding and ingesting turns", maxValue: conversations.Sum(c => c.Turns.Count()));
            foreach (var conversation in conversations)
                total += await LocomoIngestion.IngestAsync(maas, deploymentId, conversation, done => task.Increment(done), ct);
        });
        AnsiConsole.MarkupLine($"Imported {total} turns of {conversations.Count} conversation(s) into deployment [bold]{deploymentId}[/] " +
            $"as users {string.Join(", ", conversations.Select(LocomoIngestion.UserId))}.");
        return 0;
    }
}
