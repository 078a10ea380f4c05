using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Alba;
using SelfLearn.Agents.Maas;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Experiments;

public sealed record SentRequest(string Method, string Path, JsonNode? Body);

/// <summary>A request with the status and body the MaaS answered it with.</summary>
public sealed record Exchange(SentRequest Request, int Status, JsonNode? Answer);

/// <summary>The MaaS client the emulator uses, over the test server, recording every request it sends.</summary>
public sealed class RecordingMaas : DelegatingHandler
{
    private RecordingMaas(HttpMessageHandler inner) : base(inner) { }

    public ConcurrentQueue<SentRequest> Sent { get; } = new();

    public ConcurrentQueue<Exchange> Exchanges { get; } = new();

    public static (IMaasClient Client, RecordingMaas Recorder) Over(IAlbaHost host, string key = Keys.Service)
    {
        var recorder = new RecordingMaas(host.Server.CreateHandler());
        var http = new HttpClient(recorder) { BaseAddress = host.Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return (new HttpMaasClient(http), recorder);
    }

    /// <summary>
    /// What one variant was sent, user by user in sending order, with the parts that must differ between variants
    /// (variant, user and simulation tags) blanked out.
    /// </summary>
    public IReadOnlyList<string> Normalized(string variant) =>
        [.. Sent.Where(r => r.Body?["variant"]?.GetValue<string>() == variant)
            .GroupBy(r => r.Body!["userId"]!.GetValue<string>())
            .OrderBy(g => g.Key[..g.Key.LastIndexOf('.')], StringComparer.Ordinal)
            .SelectMany(g => g.Select(r =>
            {
                var body = r.Body!.DeepClone();
                body["variant"] = "*";
                body["userId"] = "*";
                body["simulationId"] = "*";
                return $"{r.Method} {r.Path} {body.ToJsonString()}";
            }))];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
        var sent = new SentRequest(request.Method.Method, request.RequestUri!.AbsolutePath, body);
        Sent.Enqueue(sent);
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true && text.Length > 0;
        Exchanges.Enqueue(new Exchange(sent, (int)response.StatusCode, json ? JsonNode.Parse(text) : null));
        return response;
    }
}
