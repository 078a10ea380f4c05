using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components.Authorization;
using SelfLearn.Web.SignIn;

namespace SelfLearn.Web.Api;

/// <summary>
/// The UI's only way to the data: the same HTTP API any client uses, called with the signed-in person's key.
/// A refusal becomes an <see cref="ApiProblem"/> carrying the API's problem text.
/// </summary>
public sealed class SelfLearnApi(HttpClient http, AuthenticationStateProvider authentication)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // An optional field left empty is left out, as a hand-written request would.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<T> GetAsync<T>(string path, CancellationToken ct = default) =>
        await ReadAsync<T>(await SendAsync(HttpMethod.Get, path, null, ct), ct);

    public async Task<string> GetTextAsync(string path, CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    public async Task<T> PostAsync<T>(string path, object? body, CancellationToken ct = default) =>
        await ReadAsync<T>(await SendAsync(HttpMethod.Post, path, body, ct), ct);

    public async Task PostAsync(string path, object? body, CancellationToken ct = default) =>
        (await SendAsync(HttpMethod.Post, path, body, ct)).Dispose();

    public async Task<T> PutAsync<T>(string path, object? body, CancellationToken ct = default) =>
        await ReadAsync<T>(await SendAsync(HttpMethod.Put, path, body, ct), ct);

    public async Task DeleteAsync(string path, CancellationToken ct = default) =>
        (await SendAsync(HttpMethod.Delete, path, null, ct)).Dispose();

    /// <summary>Who a key belongs to, asked before the person is signed in.</summary>
    public async Task<WhoAmI> WhoIsAsync(string key, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me");
        request.Headers.Add(WebSignIn.KeyHeader, key);
        return await ReadAsync<WhoAmI>(await SendCheckedAsync(request, ct), ct);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.FindFirst(WebSignIn.KeyClaim)?.Value is { } key)
            request.Headers.Add(WebSignIn.KeyHeader, key);
        using (request)
            return await SendCheckedAsync(request, ct);
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new ApiProblem(503, "The API cannot be reached", e.Message);
        }
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw await ProblemOf(response, ct);
    }

    private static async Task<ApiProblem> ProblemOf(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            if (JsonNode.Parse(text) is JsonObject problem)
            {
                var detail = problem["detail"]?.GetValue<string>();
                if (problem["errors"] is JsonObject errors)
                    detail = string.Join("; ", new[] { detail }.Concat(errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value!.AsArray().Select(m => m!.GetValue<string>()))}")).Where(s => !string.IsNullOrEmpty(s)));
                return new ApiProblem(status, problem["title"]?.GetValue<string>() ?? response.ReasonPhrase ?? $"HTTP {status}", detail);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
        }
        return new ApiProblem(status, response.ReasonPhrase ?? $"HTTP {status}", string.IsNullOrWhiteSpace(text) ? null : text);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
            return await response.Content.ReadFromJsonAsync<T>(Json, ct)
                ?? throw new ApiProblem((int)response.StatusCode, "Empty answer", $"{response.RequestMessage?.RequestUri} answered nothing.");
    }
}

public sealed record WhoAmI(string Role, string Caller);
