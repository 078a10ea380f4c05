using Microsoft.AspNetCore.Mvc;

namespace SelfLearn.Api.Errors;

/// <summary>Lists a refusal an endpoint answers (a <see cref="Problems"/> ProblemDetails) in the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProblemResponseAttribute(int statusCode) : ProducesResponseTypeAttribute(typeof(ProblemDetails), statusCode, "application/problem+json");
