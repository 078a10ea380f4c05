using System.Globalization;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Api.Errors;

/// <summary>Input checks shared by endpoints; each returns the 400 to send, or null when the input is fine.</summary>
public static class Require
{
    public const int MaxTextLength = 2000;
    public const int MaxPage = 1000;

    public static IResult? Limit(int? limit) =>
        limit is < 1 or > MaxPage ? Problems.BadRequest($"'limit' must be between 1 and {MaxPage}.") : null;

    public static IResult? Text(string? value, string name) => value switch
    {
        null or "" => Problems.BadRequest($"'{name}' is required."),
        _ when string.IsNullOrWhiteSpace(value) => Problems.BadRequest($"'{name}' is required."),
        { Length: > MaxTextLength } => Problems.BadRequest($"'{name}' is longer than {MaxTextLength} characters."),
        _ => null,
    };

    public static IResult? OptionalText(string? value, string name) =>
        value is { Length: > MaxTextLength } ? Problems.BadRequest($"'{name}' is longer than {MaxTextLength} characters.") : null;

    public static IResult? Links(ChangeLinks links) =>
        OptionalText(links.GoalId, "goalId") ?? OptionalText(links.ExperimentId, "experimentId")
        ?? OptionalText(links.RecommendationId, "recommendationId") ?? OptionalText(links.ApprovalId, "approvalId");

    /// <summary>Parses an optional ISO-8601 instant; the 400 to send when it is present but malformed.</summary>
    public static IResult? OptionalTimestamp(string? value, string name, out DateTimeOffset? at)
    {
        at = null;
        if (value is null)
            return null;
        if (!TryParseTimestamp(value, out var parsed))
            return Problems.BadRequest($"'{name}' must be an ISO-8601 timestamp, got '{value}'.");
        at = parsed;
        return null;
    }

    public static bool TryParseTimestamp(string value, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
}
