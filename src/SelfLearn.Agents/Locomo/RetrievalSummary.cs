namespace SelfLearn.Agents.Locomo;

/// <summary>
/// Mean recall@k and hit@k over the scored items, overall and per category. Serialised with camelCase property names it reads
/// {"items":N,"recall":{"1":r,…},"hit":{…},"byCategory":{"1":{"items":n,"recall":{…},"hit":{…}},…}}.
/// </summary>
public sealed record RetrievalSummary(
    int Items,
    IReadOnlyDictionary<int, double> Recall,
    IReadOnlyDictionary<int, double> Hit,
    IReadOnlyDictionary<int, CategoryRetrievalSummary> ByCategory);

public sealed record CategoryRetrievalSummary(int Items, IReadOnlyDictionary<int, double> Recall, IReadOnlyDictionary<int, double> Hit);
