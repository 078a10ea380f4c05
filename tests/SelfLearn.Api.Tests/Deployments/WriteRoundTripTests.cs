using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Deployments;

/// <summary>
/// docs/BENCHMARKS.md, "Write cost per request": a create and an activate each send three commands or batches, then
/// COMMIT (which Npgsql sends without a command of its own): four round trips, against issue #9's limit of five. A
/// projection that loads its document for every stream, or a read added outside the write's batch, shows here first.
/// </summary>
public sealed class WriteRoundTripTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_create_and_an_activate_each_send_three_commands_or_batches_before_their_commit()
    {
        await Host.CreateAndActivate("retrieval.top_k", 3); // the catalog is loaded and the write paths are compiled

        using var sent = new CommandsByTrace();
        var (create, activate) = (ActivityTraceId.CreateRandom(), ActivityTraceId.CreateRandom());
        var created = await PostTraced("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 4 }, reason = "round trips" }, 201, create);
        await PostTraced($"/api/deployments/default/versions/{created["configVersion"]!.GetValue<int>()}/activate", new { reason = "round trips" }, 200, activate);

        var commands = new[] { sent.Of(create), sent.Of(activate) };
        Assert.True(commands.Select(c => c.Count).SequenceEqual([3, 3]),
            string.Join("\n", commands.Select((c, i) => $"request {i + 1}: {c.Count} commands\n  " + string.Join("\n  ", c))));
    }

    /// <summary>A POST whose request carries <paramref name="trace"/> (W3C <c>traceparent</c>): the server's span, and so every command it sends, joins that trace.</summary>
    private async Task<JsonNode> PostTraced(string url, object body, int status, ActivityTraceId trace) =>
        (await Host.Post(url, body, status, s => s.WithRequestHeader("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01")))!;

    /// <summary>
    /// Npgsql's commands and batches by trace. Listening to ASP.NET Core's source too makes it start a span per request,
    /// the parent of that request's commands; other hosts of this test process answer in other traces.
    /// </summary>
    private sealed class CommandsByTrace : IDisposable
    {
        private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> _commands = new();
        private readonly ActivityListener _listener;

        public CommandsByTrace()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if (a.Source.Name == "Npgsql")
                        _commands.GetOrAdd(a.TraceId, _ => new()).Enqueue(a.GetTagItem("db.query.text") as string ?? a.DisplayName);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<string> Of(ActivityTraceId trace) => [.. _commands.TryGetValue(trace, out var sql) ? sql : []];

        public void Dispose() => _listener.Dispose();
    }
}
