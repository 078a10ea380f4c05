using System.Text.Json;
using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Tuner;
using Wolverine;

namespace SelfLearn.Agents.Experiments;

/// <summary>
/// A variant of an experiment, the factors it changes against the deployment's active version (none: it runs the
/// active one) and the reason its version records.
/// </summary>
public sealed record VariantChanges(string Name, IReadOnlyDictionary<string, JsonElement> Changes, string Reason);

/// <summary>
/// Gets configuration versions ready through the Tuner, so every configuration an experiment runs is validated and in
/// the audit trail: the version is created, or the identical one is reused, then activated (<see cref="ActivateAsync"/>)
/// or bound to the variants of a new experiment (<see cref="RegisterExperimentAsync"/>).
/// </summary>
public sealed class PrepareVariants(IMessageBus bus, IDocumentStore store)
{
    /// <summary>Opens the deployment if it does not exist yet (catalog defaults) and returns its active version.</summary>
    public async Task<int> OpenAsync(string deploymentId, string reason, string by, CancellationToken ct)
    {
        await bus.InvokeAsync<TunerOutcome>(new Tuner.OpenDeployment(deploymentId, reason, by), ct);
        await using var session = store.QuerySession();
        return (await session.LoadAsync<Deployment>(deploymentId, ct))?.ActiveVersion
            ?? throw new ArgumentException($"deployment '{deploymentId}' has no active version.");
    }

    /// <summary>
    /// The version that applies <paramref name="changes"/> to <paramref name="parent"/>: a new one, or the parent itself
    /// when the changes change nothing. Any other refusal of the Tuner is thrown, described.
    /// </summary>
    public async Task<int> VersionAsync(
        string deploymentId, IReadOnlyDictionary<string, JsonElement> changes, int parent, string reason, string by, ChangeLinks links, CancellationToken ct)
    {
        var created = await bus.InvokeAsync<TunerOutcome>(new Tuner.CreateVersion(deploymentId, changes, parent, reason, by, by, links, null), ct);
        if (created.Status == TunerStatus.Accepted)
            return created.Events.OfType<ConfigVersionCreated>().Single().ConfigVersion;
        if (created.Status == TunerStatus.Rejected && created.Violations.All(v => v.Rule == ViolationRule.NoChange))
            return parent;
        throw new VariantRefusedException(created.Describe());
    }

    /// <summary>
    /// Makes the catalog defaults plus <paramref name="values"/> the active configuration of the deployment, whatever
    /// earlier runs left active, and returns the active parameters.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> ActivateAsync(
        string deploymentId, IReadOnlyDictionary<string, JsonElement> values, string openReason, string reason, string by, CancellationToken ct)
    {
        var active = await OpenAsync(deploymentId, openReason, by, ct);
        IReadOnlyDictionary<string, JsonElement> wanted;
        await using (var catalogSession = store.QuerySession())
            wanted = Parameters.Merge(Catalog.Defaults(await CatalogReader.LoadAsync(catalogSession, ct)), values).ToDictionary();
        var version = await VersionAsync(deploymentId, wanted, active, reason, by, ChangeLinks.None, ct);
        if (version != active)
        {
            var activated = await bus.InvokeAsync<TunerOutcome>(new Tuner.ActivateVersion(deploymentId, version, reason, by, ChangeLinks.None, null), ct);
            if (activated.Status != TunerStatus.Accepted)
                throw new InvalidOperationException($"the Tuner refused to activate version {version}: {activated.Describe()}");
        }

        await using var session = store.QuerySession();
        return (await session.LoadAsync<Deployment>(deploymentId, ct))!.ActiveParameters;
    }

    /// <summary>
    /// Registers a new experiment on the deployment (opened if needed) whose variants run the active version, or the
    /// version of their own changes (linked to the experiment); returns each variant's version.
    /// </summary>
    public async Task<IReadOnlyList<ExperimentVariant>> RegisterExperimentAsync(
        string experimentId, string deploymentId, IReadOnlyList<VariantChanges> variants, string openReason, string description, string by, CancellationToken ct)
    {
        var active = await OpenAsync(deploymentId, openReason, by, ct);
        var bound = new List<ExperimentVariant>();
        foreach (var variant in variants)
        {
            int version;
            try
            {
                version = variant.Changes.Count == 0 ? active : await VersionAsync(deploymentId, variant.Changes, active,
                    variant.Reason, by, new ChangeLinks(ExperimentId: experimentId), ct);
            }
            catch (VariantRefusedException e)
            {
                throw new VariantRefusedException(e.Message, variant.Name);
            }
            bound.Add(new ExperimentVariant(variant.Name, version));
        }
        var registered = await bus.InvokeAsync<TunerOutcome>(new Tuner.RegisterExperiment(experimentId, deploymentId, bound,
            AssignmentUnit.User, description, by), ct);
        if (registered.Status != TunerStatus.Accepted)
            throw new ArgumentException($"the experiment was not registered: {registered.Describe()}");
        return bound;
    }
}

/// <summary>The Tuner refused the changes of a variant (<see cref="Variant"/>, when the refusal is about one of several).</summary>
public sealed class VariantRefusedException(string reason, string? variant = null) : ArgumentException(reason)
{
    public string? Variant { get; } = variant;
}
