using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Tuner;

namespace SelfLearn.Api.Errors;

/// <summary>A concurrency failure that escapes a handler is still a 409, never a 500.</summary>
public sealed class ConflictExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!ConcurrencyErrors.IsConflict(exception))
            return false;
        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = 409, Title = "Conflict", Detail = "The stream was changed concurrently. Read it again and retry." },
            Exception = exception,
        });
    }
}
