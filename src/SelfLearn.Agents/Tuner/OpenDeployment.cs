using Marten;
using SelfLearn.Domain.Configuration;
using Decider = SelfLearn.Domain.Configuration.OpenDeployment;

namespace SelfLearn.Agents.Tuner;

/// <summary>Creates a deployment whose version 1 holds the catalog defaults, active at once.</summary>
public sealed record OpenDeployment(string DeploymentId, string Reason, string By);

public static class OpenDeploymentHandler
{
    public static async Task<TunerOutcome> Handle(OpenDeployment command, IDocumentSession session, CatalogCache catalogCache, CancellationToken ct)
    {
        var catalog = await catalogCache.GetAsync(session, ct);
        var exists = await session.Events.FetchStreamStateAsync(command.DeploymentId, ct) is not null;
        var decision = Decider.Decide(command.DeploymentId, exists, catalog, command.Reason, command.By);
        return await StreamWrites.Start<Deployment>(session, command.DeploymentId, decision, ct);
    }
}
