using Marten;
using SelfLearn.Agents.Maas;

namespace SelfLearn.Agents.Student.Memories;

/// <summary>
/// Each session's next ordinals, counted inside the ingest's transaction after taking a transaction-scoped advisory
/// lock on the (deployment, user): ingests of one user are serialised from the count to the commit, so two of them
/// can never count the same memories and store clashing ordinals. Other users' ingests do not wait.
/// </summary>
internal static class SessionOrdinals
{
    public static async Task<Dictionary<string, int>> ReserveAsync(IDocumentSession session, IngestRequest request, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(hashtext(?), hashtext(?))", ct, request.DeploymentId!, request.UserId!);

        var batch = session.CreateBatchQuery();
        var counts = request.Items!.Select(i => i.SessionId ?? request.ThreadId).Distinct().Select(key => (Key: key, Count: batch.Query<MemoryDocument>()
            .Where(m => m.DeploymentId == request.DeploymentId && m.UserId == request.UserId && m.SessionKey == key)
            .Count())).ToList();
        await batch.Execute(ct);

        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, count) in counts)
            next[key ?? ""] = (int)await count;
        return next;
    }
}
