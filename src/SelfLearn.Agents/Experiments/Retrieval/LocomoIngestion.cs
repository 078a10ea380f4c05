using System.Globalization;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Locomo;

namespace SelfLearn.Agents.Experiments.Retrieval;

/// <summary>LoCoMo into a MaaS over HTTP: each conversation is a user, each session a thread, each turn a memory dated by its session.</summary>
public static class LocomoIngestion
{
    public static string UserId(LocomoConversation conversation) => $"locomo-{conversation.SampleId}";

    public static string ThreadId(LocomoSession session) => $"session-{session.Number.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<int> IngestAsync(IMaasClient maas, string deploymentId, LocomoConversation conversation, Action<int> turnsDone, CancellationToken ct)
    {
        await maas.ForgetUserAsync(UserId(conversation), deploymentId, ct);
        var count = 0;
        foreach (var session in conversation.Sessions)
        {
            var timestamp = session.Date.ToString("O", CultureInfo.InvariantCulture);
            var items = session.Turns.Select(t => new IngestItem(t.MemoryText, t.Speaker, timestamp, t.DiaId, null)).ToList();
            if (items.Count == 0)
                continue;
            await maas.IngestAsync(new IngestRequest(deploymentId, UserId(conversation), ThreadId(session), items), ct);
            count += items.Count;
            turnsDone(items.Count);
        }
        return count;
    }

    public static IReadOnlyList<LocomoConversation> Select(IReadOnlyList<LocomoConversation> all, IReadOnlyList<string> ids)
    {
        var unknown = ids.Except(all.Select(c => c.SampleId), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"no conversation {string.Join(", ", unknown)} in the dataset (it has {string.Join(", ", all.Select(c => c.SampleId))}).");
        return ids.Count == 0 ? all : [.. all.Where(c => ids.Contains(c.SampleId))];
    }
}
