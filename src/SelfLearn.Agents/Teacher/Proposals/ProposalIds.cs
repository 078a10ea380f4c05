namespace SelfLearn.Agents.Teacher.Proposals;

/// <summary>Ids the Teacher gives its records when the caller names none: a prefix and a time-ordered GUID.</summary>
public static class ProposalIds
{
    public static string NewHypothesisId() => $"hyp-{Guid.CreateVersion7():N}";

    public static string NewRecommendationId() => $"rec-{Guid.CreateVersion7():N}";
}
