using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SelfLearn.Api.Commands;

namespace SelfLearn.Api.Security;

/// <summary>
/// Limits the request rate of each caller on <c>/api</c> and <c>/maas</c> (health and the API documents are free) and
/// answers a refused request with <c>429</c>, a ProblemDetails and <c>Retry-After</c>. Needs <c>UseRateLimiter()</c>
/// after authentication, so a valid key is its own partition.
/// </summary>
public static class RateLimitSetup
{
    public static void AddRateLimits(this WebApplicationBuilder builder, string[] args)
    {
        builder.Services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section).ValidateDataAnnotations()
            .Validate(s => s.ReplenishmentPeriod > TimeSpan.Zero, $"{RateLimitSettings.Section}:ReplenishmentPeriod must be longer than zero.")
            .ValidateOnStart();
        // The Student's commands (simulate, eval-retrieval, import-locomo) start this app to serve themselves alone.
        var ownClientOnly = StudentCommands.Handles(args);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, ct) => WriteProblemAsync(rejected, settings.Value, ct);
            if (settings.Value.Enabled && !ownClientOnly)
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings.Value));
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitSettings settings)
    {
        if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/maas"))
            return RateLimitPartition.GetNoLimiter("free");
        var caller = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? $"key:{name}" : $"address:{context.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.TokenLimit,
            TokensPerPeriod = settings.TokensPerPeriod,
            ReplenishmentPeriod = settings.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask WriteProblemAsync(OnRejectedContext rejected, RateLimitSettings settings, CancellationToken ct)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : settings.ReplenishmentPeriod;
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = $"This caller may send {settings.TokenLimit} requests at once and {settings.TokensPerPeriod} every {settings.ReplenishmentPeriod.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s after that. Retry after {seconds} s.",
        }, options: null, contentType: "application/problem+json", ct);
    }
}
