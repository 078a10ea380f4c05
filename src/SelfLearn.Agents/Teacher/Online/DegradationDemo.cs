using System.Text.Json;
using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Alerts;
using SelfLearn.Domain.Teacher.Recommendations;
using Wolverine;
using ActivateVersion = SelfLearn.Agents.Tuner.ActivateVersion;
using CreateVersion = SelfLearn.Agents.Tuner.CreateVersion;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>What the demo armed: the rule it set and the deliberately bad version it activated.</summary>
public sealed record DegradedStart(string Rule, int BadVersion, int Activation);

/// <summary>What became of the bad version: the rollback with its evidence, if the rule fired, and the alerts raised since.</summary>
public sealed record DegradedOutcome(ConfigRolledBack? Rollback, IReadOnlyList<AlertRaised> Alerts, int? ActiveVersion);

/// <summary>
/// <c>simulate --cycle-type online --degrade</c> (docs/SCENARIOS.md): sets the rule <see cref="Rule"/> (abstention above half
/// the answers in two windows running, at least five runs a window) and activates, through the Tuner, a deliberately bad
/// version: <c>retrieval.min_score = 1</c>, which drops every memory, so every answer abstains. The live users then meet
/// it, and the online monitor rolls it back — exactly what a real degradation looks like.
/// </summary>
public sealed class DegradationDemo(IMessageBus bus, IDocumentStore store)
{
    public const string Rule = "demo-abstention";
    public const string By = "system:simulate --degrade";

    public async Task<DegradedStart> StartAsync(string deploymentId, CancellationToken ct)
    {
        var rule = new RollbackCondition("answer.abstention_rate", 0, 2) { Comparison = RuleComparison.Absolute, Limit = 0.5, MinSamples = 5 };
        Accept(await bus.InvokeAsync<TunerOutcome>(new SetDegradationRule(deploymentId, Rule, rule,
            "demo: most answers must answer", By, null), ct), "the demo's rule");
        var created = Accept(await bus.InvokeAsync<TunerOutcome>(new CreateVersion(deploymentId,
            new Dictionary<string, JsonElement> { ["retrieval.min_score"] = JsonSerializer.SerializeToElement(1) }, null,
            "demo: a deliberately bad version (drops every memory)", "demo", By, ChangeLinks.None, null), ct), "the bad version");
        var version = created.Events.OfType<ConfigVersionCreated>().Single().ConfigVersion;
        var activated = Accept(await bus.InvokeAsync<TunerOutcome>(new ActivateVersion(deploymentId, version,
            "demo: deploy a deliberately bad version to show the rollback", By, ChangeLinks.None, null), ct), "activating the bad version");
        return new DegradedStart(Rule, version, activated.Events.OfType<ConfigVersionActivated>().Single().Activation);
    }

    /// <summary>The rollback of the demo's activation, and the deployment's alerts raised since it, after the traffic.</summary>
    public async Task<DegradedOutcome> OutcomeAsync(string deploymentId, DegradedStart start, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(deploymentId, token: ct);
        var since = events.First(e => e.Data is ConfigVersionActivated a && a.Activation == start.Activation);
        var rollback = events.Where(e => e.Sequence > since.Sequence).Select(e => e.Data).OfType<ConfigRolledBack>().FirstOrDefault(r => r.FromVersion == start.BadVersion);
        var alerts = (await session.Events.QueryAllRawEvents().Where(e => e.Sequence > since.Sequence).ToListAsync(ct))
            .Select(e => e.Data).OfType<AlertRaised>().Where(a => a.DeploymentId == deploymentId).ToList();
        return new DegradedOutcome(rollback, alerts, (await session.LoadAsync<Deployment>(deploymentId, ct))?.ActiveVersion);
    }

    private static TunerOutcome Accept(TunerOutcome outcome, string what) => outcome.Status == TunerStatus.Accepted
        ? outcome
        : throw new ArgumentException($"the Tuner refused {what}: {string.Join("; ", outcome.Violations.Select(v => v.Message).Prepend(outcome.Message ?? ""))}");
}
