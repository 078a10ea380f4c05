using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Teacher.Search.Recording;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Api.Tests.Teacher.Search;

/// <summary>Searches written through the app's <see cref="SearchJournal"/>: a well-formed start over three factors, and trials for it.</summary>
public static class SearchJournalling
{
    public static SearchJournal Journal(this IAlbaHost host) => host.Services.GetRequiredService<SearchJournal>();

    public static SearchJournal JournalListeningWith(this IAlbaHost host, IDocumentSessionListener listener) =>
        new(host.Services.GetRequiredService<IDocumentStore>(), host.Services.GetRequiredService<CatalogCache>(), listener);

    public static SearchStarted Started(string id, string objective = "retrieval.recall@10") => new(
        id, "random", objective, [new SearchConstraint("tokens.in", null, 1500)],
        [
            new("retrieval.top_k", FactorType.Int, 3, 10, 1, null),
            new("retrieval.fusion", FactorType.Enum, null, null, null, ["rrf", "zscore"]),
            new("retrieval.dense_weight", FactorType.Float, 0.1m, 0.6m, 0.05m, null),
        ],
        7, 50, SearchRules.NoCrossValidation, new SearchDataset("locomo-dev.json", new string('0', 64), ["conv-26", "conv-30"], 300), "default", 1,
        new Dictionary<string, JsonElement> { ["retrieval.top_k"] = J("5"), ["retrieval.fusion"] = J("\"rrf\""), ["retrieval.dense_weight"] = J("0.3") },
        "meta-user#test");

    public static SearchTrialRecorded Trial(string id, int number, double objective, double tokens = 800, double latency = 3, bool feasible = true,
        int topK = 5) => new(
        id, number, null, ["conv-26", "conv-30"], 300,
        new Dictionary<string, JsonElement> { ["retrieval.top_k"] = J(topK.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        objective, new Dictionary<string, double> { ["retrieval.recall@10"] = objective, ["tokens.in"] = tokens, ["latency.retrieve_ms"] = latency },
        feasible, 120);

    /// <summary>Starts the search and records the trials one by one; every write must be accepted.</summary>
    public static async Task Record(this IAlbaHost host, SearchStarted started, params SearchTrialRecorded[] trials)
    {
        var journal = host.Journal();
        Assert.Equal(TunerStatus.Accepted, (await journal.StartAsync(started, CancellationToken.None)).Status);
        foreach (var trial in trials)
            Assert.Equal(TunerStatus.Accepted, (await journal.RecordTrialAsync(trial, CancellationToken.None)).Status);
    }

    private static JsonElement J(string raw) => JsonDocument.Parse(raw).RootElement.Clone();
}
