using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Domain.Configuration;
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
        var created = (ConfigVersionCreated)CreateVersion.Decide(deployment, catalog, RunnableValues.None, deployment.ActiveVersion!.Value,
            deployment.ActiveParameters, changes, "a prompt of another build", "test", "test", new ChangeLinks(ApprovalId: "appr-1")).Events.Single();
        var activated = ActivateVersion.Decide(deployment.Apply(created), catalog, RunnableValues.None,
            created.ConfigVersion, new StoredVersion(created.Parameters, created.Links), ChangeLinks.None, "go", "test").Events.Single();
        stream.AppendMany(created, activated);
        await session.SaveChangesAsync();
    }
}
