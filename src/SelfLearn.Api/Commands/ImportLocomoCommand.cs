using SelfLearn.Agents.Experiments.Retrieval;
using Spectre.Console;

namespace SelfLearn.Api.Commands;

/// <summary>import-locomo --dataset FILE [--conversations id,id] [--deployment ID]: loads LoCoMo conversations as users' memories (<see cref="ImportLocomo"/>).</summary>
public sealed class ImportLocomoCommand(IServiceProvider services)
{
    public const string Name = "import-locomo";

    public async Task<int> RunAsync(CommandArguments args, CancellationToken ct)
    {
        var (conversations, deploymentId) = LocomoArguments.Read(args, "default");

        var import = services.GetRequiredService<ImportLocomo>();
        var total = 0;
        await AnsiConsole.Progress().StartAsync(async progress =>
            total = await import.RunAsync(conversations, deploymentId, new LocomoBars(progress), ct));
        AnsiConsole.MarkupLine($"Imported {total} turns of {conversations.Count} conversation(s) into deployment [bold]{deploymentId}[/] " +
            $"as users {string.Join(", ", conversations.Select(LocomoIngestion.UserId))}.");
        return 0;
    }
}
