using System.Text.Json;

namespace SelfLearn.Agents.Audit.Why;

/// <summary>The links of a factor's why-chain, in the order a learning cycle makes them.</summary>
public static class WhyLinkKinds
{
    public const string Goal = "goal";
    public const string Cycle = "cycle";
    public const string Hypothesis = "hypothesis";
    public const string Experiment = "experiment";
    public const string Verdict = "verdict";
    public const string Recommendation = "recommendation";
    public const string Approval = "approval";
    public const string Version = "version";
    public const string Activation = "activation";

    public static IReadOnlyList<string> InOrder { get; } =
        [Goal, Cycle, Hypothesis, Experiment, Verdict, Recommendation, Approval, Version, Activation];
}

/// <summary>One decision behind a factor's value: the event that made it, read from its stream.</summary>
public sealed record WhyLink(
    string Link,
    string Id,
    string Stream,
    string Event,
    long Sequence,
    Guid EventId,
    DateTimeOffset At,
    string By,
    string Why);

/// <summary>
/// The decisions behind a factor's current value, goal first and activation last; <see cref="Missing"/> names the links
/// the change does not have (a person's change through the API has neither goal nor cycle, so its chain starts at the version).
/// </summary>
public sealed record WhyDecisions(
    string DeploymentId,
    string Factor,
    JsonElement Value,
    int ActiveVersion,
    IReadOnlyList<WhyLink> Chain,
    IReadOnlyList<string> Missing);
