using System.Diagnostics;
using System.Net.Http.Json;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Seeding;
using SelfLearn.Api.Hosting.Cluster;

namespace SelfLearn.Benchmarks.Student.Scaling;

/// <summary>
/// <c>clients</c> loops, each sending its next query as soon as its last answer is back, for a fixed time. Client
/// <c>c</c> walks the question list from its own offset, so concurrent clients ask different questions and every
/// question is asked again once the list is done (repeated questions: the query-vector cache answers them). With
/// <c>newTexts</c> every query's text is made new by a number appended to it, so each one needs the embedding model.
/// </summary>
internal static class ClosedLoop
{
    private const int KeptErrors = 5;
    private static long _asked;

    public static async Task<LoadResult> RunAsync(HttpClient http, IReadOnlyList<ScalingQuestion> questions, int clients, TimeSpan duration, CancellationToken ct, bool newTexts = false)
    {
        var tally = new Tally();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c =>
            ClientAsync(http, questions, c * questions.Count / clients, started, duration, newTexts, tally, ct)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return tally.Result(seconds);
    }

    private static async Task ClientAsync(
        HttpClient http, IReadOnlyList<ScalingQuestion> questions, int offset, long started, TimeSpan duration, bool newTexts, Tally tally, CancellationToken ct)
    {
        await Task.Yield();
        for (var i = offset; Stopwatch.GetElapsedTime(started) < duration; i++)
        {
            var question = questions[i % questions.Count];
            var text = newTexts ? $"{question.Text} #{Interlocked.Increment(ref _asked).ToString(System.Globalization.CultureInfo.InvariantCulture)}" : question.Text;
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsJsonAsync("maas/v1/query",
                    new QueryRequest(SeedDefaults.DefaultDeployment, question.UserId, null, text), ct);
                if (!response.IsSuccessStatusCode)
                {
                    tally.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                    continue;
                }
                var body = await response.Content.ReadFromJsonAsync<QueryResponse>(ct) ?? throw new InvalidOperationException("empty query response");
                var node = response.Headers.TryGetValues(NodeIdentity.Header, out var names) ? names.First() : "?";
                tally.Answer(Stopwatch.GetElapsedTime(sent).TotalMilliseconds, node, body.LatencyMs);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or System.Text.Json.JsonException
                                          || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                tally.Fail(e.Message);
            }
        }
    }

    private sealed class Tally
    {
        private readonly Lock _gate = new();
        private readonly List<double> _latencies = [];
        private readonly Dictionary<string, long> _byNode = [];
        private readonly Dictionary<string, double> _stageSums = [];
        private readonly List<string> _errors = [];
        private long _failed;

        public void Answer(double milliseconds, string node, IReadOnlyDictionary<string, double> stages)
        {
            lock (_gate)
            {
                _latencies.Add(milliseconds);
                _byNode[node] = _byNode.GetValueOrDefault(node) + 1;
                foreach (var (stage, ms) in stages)
                    _stageSums[stage] = _stageSums.GetValueOrDefault(stage) + ms;
            }
        }

        public void Fail(string error)
        {
            lock (_gate)
            {
                _failed++;
                if (_errors.Count < KeptErrors)
                    _errors.Add(error.Length > 300 ? error[..300] : error);
            }
        }

        public LoadResult Result(double seconds)
        {
            lock (_gate)
            {
                var answered = _latencies.Count;
                return new LoadResult(answered, _failed, [.. _errors], Latency.R(seconds, 2), Latency.R(answered / seconds, 1),
                    answered > 0 ? Latency.From(_latencies) : null,
                    new SortedDictionary<string, long>(_byNode, StringComparer.Ordinal),
                    new SortedDictionary<string, double>(_stageSums.ToDictionary(s => s.Key, s => Latency.R(s.Value / Math.Max(1, answered))), StringComparer.Ordinal));
            }
        }
    }
}
