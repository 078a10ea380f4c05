using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using SelfLearn.Api.Errors;

namespace SelfLearn.Api.Edge;

/// <summary>
/// The one gate between authorization and every endpoint. Route and query values must be short, storable text (and a
/// whole number where the endpoint reads one); a route that reads a body (it declares what it accepts) gets it here
/// first: at most its size limit (413), JSON, one object, storable bounded text everywhere, and binding to the
/// endpoint's request type. A route that reads no body refuses one. A refusal is a ProblemDetails and the endpoint never runs, so nothing is written.
/// </summary>
public sealed class RequestEdgeMiddleware(RequestDelegate next, JsonSerializerOptions bindingOptions)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint || !IsApiPath(context.Request.Path))
        {
            await next(context);
            return;
        }
        var refusal = (UrlValueCheck.FirstProblem(context.Request) ?? QueryNumberCheck.FirstProblem(context.Request, endpoint)) is { } urlProblem
            ? Problems.BadRequest(urlProblem)
            : endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
                ? await CheckBodyAsync(context, accepts, endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize)
                : await RefuseAnyBodyAsync(context.Request);
        if (refusal is null)
            await next(context);
        else
            await refusal.ExecuteAsync(context);
    }

    // The web UI's pages, circuit and sign-in form are Blazor's and ASP.NET Core's own; the edge guards the API and the MaaS.
    private static bool IsApiPath(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/maas");

    private async Task<IResult?> CheckBodyAsync(HttpContext context, IAcceptsMetadata accepts, long? declaredLimit)
    {
        var request = context.Request;
        var limit = declaredLimit ?? EdgeLimits.DefaultBodyBytes;
        if (request.ContentLength > limit)
            return Problems.TooLarge(limit);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = limit;

        ArraySegment<byte>? body;
        try
        {
            body = await BoundedBody.ReadAsync(request, limit, context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            return e.StatusCode == StatusCodes.Status413PayloadTooLarge ? Problems.TooLarge(limit) : Problems.BadRequest("The body could not be read.");
        }
        if (body is not { } bytes)
            return Problems.TooLarge(limit);
        request.Body = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);

        if (bytes.Count == 0)
            return accepts.IsOptional ? null : Problems.BadRequest("This route needs a JSON object as its body.");
        if (!IsJson(request.ContentType))
            return Problems.UnsupportedMediaType();
        if (JsonBodyCheck.FirstProblem(bytes) is { } problem)
            return Problems.InvalidBody(problem);
        return accepts.RequestType is { } type ? Bind(bytes, type) : null;
    }

    /// <summary>Binding here uses the HTTP JSON options with enums by name only, so the endpoint binds only bodies that pass.</summary>
    private IResult? Bind(ArraySegment<byte> body, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type, bindingOptions) is null ? Problems.BadRequest("The body must be a JSON object.") : null;
        }
        catch (JsonException e)
        {
            return Problems.InvalidBody(BindingProblem.Describe(e, body, type, bindingOptions));
        }
    }

    private static async Task<IResult?> RefuseAnyBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
            return null;
        var oneByte = new byte[1];
        if (request.ContentLength is null && await request.Body.ReadAsync(oneByte, request.HttpContext.RequestAborted) == 0)
            return null;
        // Routing sends a body no route accepts (say, text/plain) here too: the API reads nothing but JSON.
        return IsJson(request.ContentType) ? Problems.BadRequest("This route takes no request body.") : Problems.UnsupportedMediaType();
    }

    private static bool IsJson(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || (MediaTypeHeaderValue.TryParse(contentType, out var media)
            && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
                || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)));
}
