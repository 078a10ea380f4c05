namespace SelfLearn.Agents.Maas;

/// <summary>A user's verdict on one answered query (docs/MAAS_CONTRACT.md, "Feedback"); <c>UserId</c> must be the run's user.</summary>
public sealed record FeedbackRequest(Guid? RunId, string? UserId, FeedbackRating? Rating, string? Text = null, IReadOnlyList<string?>? Tags = null);

/// <summary>Exactly one of the two: <c>Thumbs</c> is "up" or "down", <c>Stars</c> is 1 to 5.</summary>
public sealed record FeedbackRating(string? Thumbs = null, int? Stars = null);

/// <summary>The stored feedback, with the run's deployment, config version, experiment, variant and cycle type copied from the run.</summary>
public sealed record FeedbackResponse(
    Guid RunId,
    string UserId,
    FeedbackRating Rating,
    string? Text,
    IReadOnlyList<string> Tags,
    DateTimeOffset At,
    string DeploymentId,
    int? ConfigVersion,
    string? ExperimentId,
    string? Variant,
    string CycleType);

public static class FeedbackRules
{
    public const int MaxTextLength = 2_000;
    public const int MaxTags = 10;

    /// <summary>What is wrong with the request's shape, or null; whether the run exists and is the user's is checked against the store.</summary>
    public static string? Validate(FeedbackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RunId is null || request.RunId == Guid.Empty) return "'runId' is required: the runId a query answered with.";
        if (string.IsNullOrWhiteSpace(request.UserId)) return "'userId' is required: the user the run answered.";
        if (RequestTags.Validate(null, ("userId", request.UserId)) is { } userProblem) return userProblem;
        if (RatingProblem(request.Rating) is { } ratingProblem) return ratingProblem;
        if (request.Text is { Length: > MaxTextLength }) return $"'text' is at most {MaxTextLength:N0} characters.";
        if (request.Tags is { Count: > MaxTags }) return $"'tags' holds at most {MaxTags} tags.";
        foreach (var tag in request.Tags ?? [])
            if (tag is null || RequestTags.Validate(null, ("tags", tag)) is not null)
                return $"each tag is 1 to {RequestTags.MaxLength} characters without control characters.";
        return null;
    }

    /// <summary>1 when the user was unhappy: thumbs down or at most 2 stars (the <c>feedback.negative_rate</c> metric).</summary>
    public static bool IsNegative(FeedbackRating rating) => rating is { Thumbs: "down" } or { Stars: <= 2 };

    private static string? RatingProblem(FeedbackRating? rating) => rating switch
    {
        null or { Thumbs: null, Stars: null } => "'rating' is required: {\"thumbs\":\"up\"}, {\"thumbs\":\"down\"} or {\"stars\":1..5}.",
        { Thumbs: not null, Stars: not null } => "'rating' has either 'thumbs' or 'stars', not both.",
        { Thumbs: { } thumbs } when thumbs is not ("up" or "down") => "'rating.thumbs' is \"up\" or \"down\".",
        { Stars: < 1 or > 5 } => "'rating.stars' is a whole number from 1 to 5.",
        _ => null,
    };
}
