using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Audit;
using SelfLearn.Api.Security;
using Wolverine.Http;

namespace SelfLearn.Api.Audit;

public static class VerifyEventChain
{
    /// <summary>Recomputes every stream's hash chain; 200 either way, with <c>intact</c> and the first event that does not match.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/audit/verify", OperationId = "VerifyEventChain")]
    public static Task<ChainReport> Get(EventChainVerifier verifier, IDocumentStore store, CancellationToken ct) =>
        verifier.VerifyAsync(store.Options.Events.DatabaseSchemaName, null, ct);
}
