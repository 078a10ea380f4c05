using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library.Templates;

/// <summary>
/// What one project's scenarios are written from. Templates use "{v}" for the fact's own value, "{a}"/"{b}" for the
/// two values of a chain, and the cast's placeholders (e.g. "{sister}") for names fixed once per scenario.
/// Ask texts paraphrase their Tell texts on purpose, so that word overlap alone does not find the evidence.
/// </summary>
internal sealed record ProjectContent(
    string Name,
    IReadOnlyList<string> Intents,
    IReadOnlyList<CastRole> Cast,
    IReadOnlyList<FactTemplate> Facts,
    IReadOnlyList<FactTemplate> Preferences,
    IReadOnlyList<UpdateTemplate> Updates,
    IReadOnlyList<EventTemplate> Events,
    IReadOnlyList<ChainTemplate> Chains,
    IReadOnlyList<string> Unknowns,
    IReadOnlyList<SmallTalk> Chatter);

/// <summary>A value pool of dates a few weeks after the scenario's last session, so plans lie in the future.</summary>
internal static class Upcoming
{
    public const string Date = "{upcoming}";

    public static IReadOnlyList<string> Dates { get; } = [Date];
}

/// <summary>A name chosen once per scenario and used wherever its placeholder appears.</summary>
internal sealed record CastRole(string Placeholder, IReadOnlyList<string> Names);

/// <summary>A fact or preference. Tell variants run from short to long; the persona's verbosity leans on that order.</summary>
internal sealed record FactTemplate(
    string Key,
    IReadOnlyList<string> Values,
    IReadOnlyList<string> Tell,
    IReadOnlyList<string> Ask,
    string Answer = "{v}",
    Clarification? Clarify = null);

/// <summary>A vague first mention and the assistant's question back; "{options}" lists the value and a decoy.</summary>
internal sealed record Clarification(string Vague, string Request);

/// <summary>A fact told once, then changed in a later session; the question asks for the current value.</summary>
internal sealed record UpdateTemplate(
    string Key,
    IReadOnlyList<string> Values,
    IReadOnlyList<string> Tell,
    IReadOnlyList<string> Change,
    IReadOnlyList<string> Ask,
    string Kind = FactKinds.Fact);

/// <summary>A dated event: <see cref="Did"/> is told ("renewed my passport"), <see cref="Ask"/> paraphrases it
/// after "When did I …" and <see cref="Noun"/> names it in ordering questions.</summary>
internal sealed record EventTemplate(string Key, string Did, string Ask, string Noun);

/// <summary>Two facts told in different sessions that only answer the question together; Second may use "{a}".</summary>
internal sealed record ChainTemplate(FactTemplate First, FactTemplate Second, IReadOnlyList<string> Ask, string Answer);

internal sealed record SmallTalk(string User, string Assistant);
