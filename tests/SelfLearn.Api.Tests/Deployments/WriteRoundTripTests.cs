using System.Collections.Concurrent;
using System.Diagnostics;
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

        using var sent = new CommandsByRequest();
        var created = await Host.Post("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 4 }, reason = "round trips" }, 201);
        await Host.Post($"/api/deployments/default/versions/{created!["configVersion"]!.GetValue<int>()}/activate", new { reason = "round trips" }, 200);

        var requests = sent.Requests();
        Assert.True(requests.Select(r => r.Count).SequenceEqual([3, 3]),
            string.Join("\n", requests.Select((r, i) => $"request {i + 1}: {r.Count} commands\n  " + string.Join("\n  ", r))));
    }

    /// <summary>Npgsql's commands and batches, grouped by the HTTP request (its trace) that sent them, requests in order.</summary>
    private sealed class CommandsByRequest : IDisposable
    {
        private readonly ConcurrentQueue<ActivityTraceId> _requests = new();
        private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> _commands = new();
        private readonly ActivityListener _listener;

        public CommandsByRequest()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStarted = a =>
                {
                    if (a.Source.Name == "Microsoft.AspNetCore")
                        _requests.Enqueue(a.TraceId);
                },
                ActivityStopped = a =>
                {
                    if (a.Source.Name == "Npgsql")
                        _commands.GetOrAdd(a.TraceId, _ => new()).Enqueue(a.GetTagItem("db.query.text") as string ?? a.DisplayName);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<IReadOnlyList<string>> Requests() =>
            [.. _requests.Select(trace => (IReadOnlyList<string>)[.. _commands.TryGetValue(trace, out var sql) ? sql : []])];

        public void Dispose() => _listener.Dispose();
    }
}
