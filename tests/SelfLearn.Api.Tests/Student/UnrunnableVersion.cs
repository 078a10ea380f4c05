using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Api.Tests.Student;

public static class UnrunnableVersion
{
    /// <summary>
    /// Creates and activates a version naming a prompt this build lacks, as a build that had the prompt would have
    /// (the Tuner of this build refuses it as not-runnable): the way to make every query on the deployment fail.
    /// </summary>
    public static async Task ActivatePromptThisBuildLacks(this IAlbaHost host, string promptVersion, string deploymentId = "default")
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var stream = await session.Events.FetchForWriting<Deployment>(deploymentId);
        var deployment = stream.Aggregate!;
        var catalog = await SelfLearn.Agents.Tuner.CatalogReader.LoadAsync(session, CancellationToken.None);
        var changes = new Dictionary<string, JsonElement> { ["generation.system_prompt_version"] = JsonSerializer.SerializeToElement(promptVersion) };
        // The manual-zone change needs a real approval there too: requested, granted and spent with the version.
        var approvalId = $"appr-{Guid.NewGuid():N}";
        var requested = new ApprovalRequested(approvalId, "rec-other-build", deploymentId, deployment.ActiveVersion!.Value, changes, "a prompt of another build", "test");
        var granted = new ApprovalGranted(approvalId, "another build has it", "test");
        var approval = Approval.Create(requested, DateTimeOffset.UtcNow).Apply(granted, DateTimeOffset.UtcNow);
        var decision = CreateVersion.Decide(deployment, catalog, RunnableValues.None, deployment.ActiveVersion!.Value,
            deployment.ActiveParameters, changes, "a prompt of another build", "test", "test", new ChangeLinks(ApprovalId: approvalId), approval);
        var created = decision.Events.OfType<ConfigVersionCreated>().Single();
        var used = decision.Events.OfType<ApprovalUsed>().Single();
        var activated = ActivateVersion.Decide(deployment.Apply(created), catalog, RunnableValues.None, created.ConfigVersion,
            new StoredVersion(created.Parameters, created.Links), ChangeLinks.None, "go", "test", approval.Apply(used, DateTimeOffset.UtcNow)).Events.Single();
        stream.AppendMany(created, activated);
        session.Events.StartStream<Approval>(Approval.StreamKey(approvalId), requested, granted, used);
        await session.SaveChangesAsync();
    }
}
