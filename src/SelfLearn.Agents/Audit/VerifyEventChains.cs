using Marten;
using Npgsql;

namespace SelfLearn.Agents.Audit;

/// <summary>Installs the chain (so a database from before it is hashed first), then recomputes every stream's hash chain.</summary>
public sealed class VerifyEventChains(IDocumentStore store, NpgsqlDataSource dataSource, EventChainVerifier verifier)
{
    public async Task<ChainReport> RunAsync(IProgress<long>? eventsChecked, CancellationToken ct)
    {
        await InstallEventChain.RunAsync(store, dataSource, ct);
        return await verifier.VerifyAsync(store.Options.Events.DatabaseSchemaName, eventsChecked, ct);
    }
}
