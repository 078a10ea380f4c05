namespace SelfLearn.Domain.Scenarios;

public static class QuestionKinds
{
    public const string SingleHop = "single-hop";
    public const string MultiHop = "multi-hop";
    public const string Temporal = "temporal";
    public const string KnowledgeUpdate = "knowledge-update";
    public const string Preference = "preference";
    /// <summary>Needs world knowledge on top of what was said (LoCoMo's category 3).</summary>
    public const string OpenDomain = "open-domain";
    public const string Unanswerable = "unanswerable";

    public static readonly IReadOnlyList<string> All = [SingleHop, MultiHop, Temporal, KnowledgeUpdate, Preference, OpenDomain, Unanswerable];
}

public static class FactKinds
{
    public const string Fact = "fact";
    public const string Preference = "preference";
    public const string Event = "event";
    public const string Update = "update";

    public static readonly IReadOnlyList<string> All = [Fact, Preference, Event, Update];
}

public static class TurnActs
{
    public const string Reveal = "reveal";
    public const string Chatter = "chatter";
    public const string ClarifyRequest = "clarify-request";
    public const string Clarification = "clarification";
    public const string Reply = "reply";

    public static readonly IReadOnlyList<string> All = [Reveal, Chatter, ClarifyRequest, Clarification, Reply];
}

public static class PersonaLevels
{
    public static readonly IReadOnlyList<string> All = ["low", "medium", "high"];
}
