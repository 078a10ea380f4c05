using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Maas;

namespace SelfLearn.Agents.Experiments.Retrieval;

/// <summary>Loads LoCoMo conversations as users' memories of a deployment (opened if needed); returns how many turns were imported.</summary>
public sealed class ImportLocomo(PrepareVariants variants, IMaasClient maas)
{
    public const string By = "system:import-locomo";

    public async Task<int> RunAsync(IReadOnlyList<LocomoConversation> conversations, string deploymentId, IProgress<LocomoProgress>? progress, CancellationToken ct)
    {
        await variants.OpenAsync(deploymentId, "LoCoMo import", By, ct);
        var turns = conversations.Sum(c => c.Turns.Count());
        var total = 0;
        foreach (var conversation in conversations)
            total += await LocomoIngestion.IngestAsync(maas, deploymentId, conversation,
                done => progress?.Report(new LocomoProgress(LocomoStep.Ingesting, turns, done)), ct);
        return total;
    }
}
