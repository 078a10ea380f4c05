using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Search;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Teacher.Search;

/// <summary>A search over four factors of the default catalog (int, float, enum, bool) on three conversations, and trials for it.</summary>
internal static class SearchGiven
{
    public const string Id = "search-1";

    public static IReadOnlyList<SearchFactorRange> Space { get; } =
    [
        new("retrieval.top_k", FactorType.Int, 3, 10, 1, null),
        new("retrieval.dense_weight", FactorType.Float, 0.1m, 0.6m, 0.05m, null),
        new("retrieval.fusion", FactorType.Enum, null, null, null, ["rrf", "zscore"]),
        new("retrieval.lexical_date_prefix", FactorType.Bool, null, null, null, null),
    ];

    public static SearchDataset Dataset { get; } = new("locomo-dev.json", new string('a', 64), ["conv-1", "conv-2", "conv-3"], 120);

    public static SearchStarted Started(string objective = "retrieval.recall@10", int folds = 3) => new(
        Id, "model", objective, [new SearchConstraint("tokens.in", null, 1500)], Space, 42, 200, folds, Dataset, "default", 1,
        Catalog.Defaults(Default), "meta-user#1");

    public static SearchSummary Running(string objective = "retrieval.recall@10", int folds = 3) => SearchSummary.Create(Started(objective, folds), Now);

    public static SearchTrialRecorded Trial(int number, double objective = 0.5, bool feasible = true, double tokens = 800, double latency = 3,
        int? fold = 1, params (string Key, string Raw)[] parameters) => new(
        Id, number, fold, ["conv-1", "conv-2"], 80,
        parameters.Length == 0 ? Map(("retrieval.top_k", "5"), ("retrieval.fusion", "\"zscore\"")) : Map(parameters),
        objective, new Dictionary<string, double> { ["retrieval.recall@10"] = objective, ["tokens.in"] = tokens, ["latency.retrieve_ms"] = latency },
        feasible, 140);

    /// <summary>The summary after recording <paramref name="trials"/> in order, one second apart.</summary>
    public static SearchSummary After(SearchSummary search, params SearchTrialRecorded[] trials) =>
        trials.Aggregate(search, (s, t) => s.Apply(t, Now.AddSeconds(t.Number)));

    public static SearchOutcome Outcome(double objective, int? trial) =>
        new(Map(("retrieval.top_k", "5")), objective, objective - 0.02, trial);

    public static IReadOnlyDictionary<string, JsonElement> Parameters(params (string Key, string Raw)[] values) => Map(values);
}
