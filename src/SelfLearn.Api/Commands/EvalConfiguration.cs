using System.Text.Json;
using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Tuner;
using Wolverine;

namespace SelfLearn.Api.Commands;

/// <summary>
/// An evaluation runs on a real, Tuner-validated configuration version: the --set values become a version of the
/// evaluation deployment and are activated, so every evaluated config is in the audit trail.
/// </summary>
public static class EvalConfiguration
{
    public const string By = "system:eval-retrieval";

    /// <summary>Ranking needs 50 candidates for recall@50; the user's --set values win over these.</summary>
    public static readonly IReadOnlyDictionary<string, string> RankingDefaults = new Dictionary<string, string>
    {
        ["retrieval.top_k"] = "50", ["context.max_tokens"] = "32000", ["retrieval.min_score"] = "0",
    };

    public static Dictionary<string, JsonElement> Parse(IEnumerable<string> assignments, bool withRankingDefaults = true)
    {
        var values = (withRankingDefaults ? RankingDefaults : new Dictionary<string, string>()).ToDictionary(p => p.Key, p => Json(p.Value), StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var at = assignment.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
                throw new ArgumentException($"--set takes key=value, got '{assignment}'.");
            values[assignment[..at].Trim()] = Json(assignment[(at + 1)..].Trim());
        }
        return values;
    }

    public static async Task<IReadOnlyDictionary<string, JsonElement>> ApplyAsync(
        IMessageBus bus, IDocumentStore store, string deploymentId, Dictionary<string, JsonElement> values, CancellationToken ct)
    {
        await bus.InvokeAsync<TunerOutcome>(new OpenDeployment(deploymentId, "evaluation deployment", By), ct);
        // The evaluated config is the catalog defaults plus the --set values, whatever earlier runs left active.
        await using (var catalogSession = store.QuerySession())
            values = Parameters.Merge(Catalog.Defaults(await CatalogReader.LoadAsync(catalogSession, ct)), values).ToDictionary();
        var created = await bus.InvokeAsync<TunerOutcome>(new CreateConfigVersion(deploymentId, values, null,
            "eval-retrieval run", By, By, ChangeLinks.None, null), ct);
        if (created.Status == TunerStatus.Accepted)
        {
            var version = created.Events.OfType<ConfigVersionCreated>().Single().ConfigVersion;
            var activated = await bus.InvokeAsync<TunerOutcome>(new ActivateConfigVersion(deploymentId, version, "eval-retrieval run", By, ChangeLinks.None, null), ct);
            if (activated.Status != TunerStatus.Accepted)
                throw new InvalidOperationException($"the Tuner refused to activate the evaluation config: {activated.Describe()}");
        }
        else if (created.Violations.Any(v => v.Rule != ViolationRule.NoChange) || created.Status != TunerStatus.Rejected)
            throw new ArgumentException($"the Tuner refused the --set values: {created.Describe()}");

        await using var session = store.QuerySession();
        var deployment = await session.LoadAsync<Deployment>(deploymentId, ct);
        return deployment!.ActiveParameters;
    }

    private static JsonElement Json(string raw)
    {
        try { return JsonDocument.Parse(raw).RootElement.Clone(); }
        catch (JsonException) { return JsonSerializer.SerializeToElement(raw); }
    }
}
