using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using JasperFx.Events;
using Marten;
using SelfLearn.Domain.Configuration;
using SelfLearn.Projections.Configuration;
using static System.FormattableString;

using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks;

internal sealed record SeedResult(int Pairs, int Events, int PairsPerSession, double Seconds, double PairsPerSecond, double EventsPerSecond);

internal sealed record ReplayResult(int Count, double MeanMs, double MinMs, double MaxMs, double MeanEventsReplayed, bool AgreesWithHttp);

internal sealed record AsOfResults(
    string DeploymentId,
    DateTimeOffset HistoryFrom,
    DateTimeOffset HistoryTo,
    SeedResult Seeding,
    LatencySummary HttpLookups,
    double TargetP95Ms,
    bool MeetsTarget,
    ReplayResult Replay);

/// <summary>
/// "Which configuration was active at T?" over a long history: seeded by appending domain events with Marten (inline
/// projections included), asked over HTTP (an indexed ConfigPeriod lookup), and for contrast by replaying the stream.
/// </summary>
internal static class AsOfBenchmark
{
    public const string DeploymentId = "bench-asof";
    public const double TargetP95Ms = 5;
    private const int PairsPerSession = 500;
    private const int WarmUpLookups = 100;
    private const int ReplayLookups = 20;

    public static async Task<(AsOfResults Results, Timeline Timeline)> RunAsync(KestrelApp host, int versions, int lookups, CancellationToken ct)
    {
        var timeline = Timeline.EndingBeforeNow(versions);
        var seeding = await CpuMeter.MeasureAsync("as-of: seeding via Marten", () => SeedAsync(host.Store, timeline, ct));
        await CheckSeedAsync(host.Store, timeline, ct);

        var random = new Random(20_260_101);
        Progress.Log(Invariant($"as-of: {WarmUpLookups} warm-up lookups, then {lookups} measured"));
        for (var i = 0; i < WarmUpLookups; i++)
            await LookupAsync(host.Client, timeline, timeline.RandomInstant(random), ct);
        var http = await CpuMeter.MeasureAsync("as-of: HTTP lookups", async () =>
        {
            var latencies = new List<double>(lookups);
            for (var i = 0; i < lookups; i++)
                latencies.Add((await LookupAsync(host.Client, timeline, timeline.RandomInstant(random), ct)).Milliseconds);
            return LatencySummary.From(latencies);
        });
        Progress.Log(Invariant($"as-of: HTTP p50 {http.P50Ms} ms, p95 {http.P95Ms} ms, p99 {http.P99Ms} ms; now {ReplayLookups} replays"));

        var replay = await CpuMeter.MeasureAsync("as-of: replays", () => ReplayAsync(host, timeline, random, ct));
        Progress.Log(Invariant($"as-of: replay mean {replay.MeanMs} ms"));
        return (new AsOfResults(DeploymentId, timeline.Activated(1), timeline.End, seeding, http, TargetP95Ms, http.P95Ms < TargetP95Ms, replay),
            timeline);
    }

    /// <summary>
    /// Appends create + activate pairs in sessions of <see cref="PairsPerSession"/> pairs, with the timestamps of the
    /// timeline and full parameter maps copied from the default deployment's version 1; retrieval.top_k alternates.
    /// </summary>
    private static async Task<SeedResult> SeedAsync(IDocumentStore store, Timeline timeline, CancellationToken ct)
    {
        IReadOnlyDictionary<string, JsonElement> template;
        await using (var query = store.QuerySession())
            template = (await query.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor("default", 1), ct))?.Parameters
                ?? throw new InvalidOperationException("the default deployment has no version 1 to copy parameters from.");
        var topK = new[] { 6, 7 }.Select(v => JsonSerializer.SerializeToElement(v)).ToArray();

        Progress.Log(Invariant($"as-of: seeding {timeline.Versions} create+activate pairs into '{DeploymentId}' ({PairsPerSession} per session)"));
        var started = Stopwatch.GetTimestamp();
        IReadOnlyDictionary<string, JsonElement>? previous = null;
        for (var first = 1; first <= timeline.Versions; first += PairsPerSession)
        {
            var events = new List<object>(2 * PairsPerSession);
            for (var v = first; v < first + PairsPerSession && v <= timeline.Versions; v++)
            {
                var parameters = v == 1 ? template : new Dictionary<string, JsonElement>(template) { ["retrieval.top_k"] = topK[v % 2] };
                var changes = Parameters.Diff(previous, parameters);
                int? parent = v == 1 ? null : v - 1;
                events.Add(new ConfigVersionCreated(DeploymentId, v, parameters, parent, changes, "bench seed", "bench", "bench", ChangeLinks.None)
                    .AsEvent().AtTimestamp(timeline.Created(v)));
                events.Add(new ConfigVersionActivated(DeploymentId, v, parent, v, parameters, changes, "bench seed", "bench", ChangeLinks.None)
                    .AsEvent().AtTimestamp(timeline.Activated(v)));
                previous = parameters;
            }

            await using var session = store.LightweightSession();
            if (first == 1)
                session.Events.StartStream<Deployment>(DeploymentId, events);
            else
                session.Events.Append(DeploymentId, events);
            await session.SaveChangesAsync(ct);

            var done = Math.Min(first + PairsPerSession - 1, timeline.Versions);
            if (done % (20 * PairsPerSession) == 0 || done == timeline.Versions)
                Progress.Log(Invariant($"as-of: seeded {done} pairs, {Stats.PerSecond(2 * done, Stopwatch.GetElapsedTime(started))} events/s"));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return new SeedResult(timeline.Versions, 2 * timeline.Versions, PairsPerSession, Stats.Round(elapsed.TotalSeconds, 2),
            Stats.PerSecond(timeline.Versions, elapsed), Stats.PerSecond(2 * timeline.Versions, elapsed));
    }

    /// <summary>The seeded timestamps must have reached the read models, or every later comparison would be meaningless.</summary>
    private static async Task CheckSeedAsync(IDocumentStore store, Timeline timeline, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var deployment = await session.LoadAsync<Deployment>(DeploymentId, ct);
        var second = await session.LoadAsync<ConfigPeriod>(ConfigPeriod.IdFor(DeploymentId, 2), ct);
        var third = await session.LoadAsync<ConfigPeriod>(ConfigPeriod.IdFor(DeploymentId, 3), ct);
        if (deployment is not { ActiveVersion: var active, Activations: var activations } || active != timeline.Versions
            || activations != timeline.Versions || second?.ValidFrom != timeline.Activated(2) || third?.ValidFrom != timeline.Activated(3))
            throw new InvalidOperationException(Invariant(
                $"seeding check failed: active {deployment?.ActiveVersion}, activations {deployment?.Activations}, periods 2 and 3 start {second?.ValidFrom:O}, {third?.ValidFrom:O}, expected {timeline.Activated(2):O}, {timeline.Activated(3):O}."));
    }

    /// <summary>One GET …/config?asOf=T, timed from sending to having read the body; the answer must match the timeline.</summary>
    internal static async Task<(int Version, double Milliseconds)> LookupAsync(HttpClient client, Timeline timeline, DateTimeOffset at, CancellationToken ct)
    {
        var instant = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(Invariant($"/api/deployments/{DeploymentId}/config?asOf={Uri.EscapeDataString(instant)}"), ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var milliseconds = Stats.Milliseconds(started);

        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException(Invariant($"as-of {instant} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}"));
        using var json = JsonDocument.Parse(body);
        var version = json.RootElement.GetProperty("configVersion").GetInt32();
        if (version != timeline.ActiveAt(at))
            throw new InvalidOperationException(Invariant($"as-of {instant} answered version {version}, the timeline says {timeline.ActiveAt(at)}."));
        return (version, milliseconds);
    }

    /// <summary>The same question answered by replaying the stream up to T; must agree with the HTTP answer.</summary>
    private static async Task<ReplayResult> ReplayAsync(KestrelApp host, Timeline timeline, Random random, CancellationToken ct)
    {
        var milliseconds = new List<double>(ReplayLookups);
        var replayed = new List<long>(ReplayLookups);
        for (var i = 0; i < ReplayLookups; i++)
        {
            var at = timeline.RandomInstant(random);
            var (httpVersion, _) = await LookupAsync(host.Client, timeline, at, ct);

            await using var session = host.Store.QuerySession();
            var started = Stopwatch.GetTimestamp();
            var deployment = await session.Events.AggregateStreamAsync<Deployment>(DeploymentId, timestamp: at, token: ct);
            milliseconds.Add(Stats.Milliseconds(started));

            if (deployment?.ActiveVersion != httpVersion)
                throw new InvalidOperationException(Invariant(
                    $"at {at:O} the replay says version {deployment?.ActiveVersion}, the HTTP lookup says {httpVersion}."));
            replayed.Add(deployment.Version);
        }
        return new ReplayResult(ReplayLookups, Stats.Round(milliseconds.Average(), 1), Stats.Round(milliseconds.Min(), 1),
            Stats.Round(milliseconds.Max(), 1), Stats.Round(replayed.Average(), 0), true);
    }
}
