using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Edge;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Api.Errors;

/// <summary>Every refusal leaves as a ProblemDetails; rule violations are listed under "violations".</summary>
public static class Problems
{
    public static IResult BadRequest(string detail, IReadOnlyList<Violation>? violations = null) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid request", detail, violations);

    /// <summary>A scenario file's first error, with its JSON path under "path" so a tool can point at it.</summary>
    public static IResult InvalidScenarios(ScenarioError error)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest, Title = "Invalid scenario set", Detail = $"{error.Path}: {error.Message} Nothing was registered.",
        };
        problem.Extensions["path"] = error.Path;
        return Results.Json(problem, statusCode: problem.Status, contentType: "application/problem+json");
    }

    /// <summary>A body refused at the edge, with the JSON path of what is wrong under "path".</summary>
    public static IResult InvalidBody(BodyProblem problem) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid request", problem.Message, path: problem.Path);

    public static IResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"This route takes a body of at most {limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes.");

    public static IResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as JSON (Content-Type: application/json).");

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    /// <summary>The ProblemDetails for a refused Tuner outcome, or null when it was accepted.</summary>
    public static IResult? Refusal(TunerOutcome outcome) => outcome.Status switch
    {
        TunerStatus.Accepted => null,
        TunerStatus.NotFound => NotFound(outcome.Message!),
        TunerStatus.Conflict => Conflict(outcome.Message!),
        _ => Problem(StatusCodes.Status400BadRequest, "Rejected by the Tuner",
            string.Join(" ", outcome.Violations.Select(v => v.Message)), outcome.Violations),
    };

    /// <summary>An evaluation or recompute that could not run: 404 for what does not exist, 409 for what the experiment's state refuses.</summary>
    public static IResult Refusal(EvaluationRefusedException refusal) => refusal.Reason switch
    {
        EvaluationRefusal.UnknownExperiment or EvaluationRefusal.NoVerdict => NotFound(refusal.Message),
        _ => Conflict(refusal.Message),
    };

    private static IResult Problem(int status, string title, string detail, IReadOnlyList<Violation>? violations = null, string? path = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (violations is { Count: > 0 })
            problem.Extensions["violations"] = violations;
        if (path is not null)
            problem.Extensions["path"] = path;
        return Results.Json(problem, statusCode: status, contentType: "application/problem+json");
    }
}
