namespace SelfLearn.Agents.Locomo;

/// <summary>One QA item's retrieval: per cut-off k, the share of its evidence in the top k (recall) and whether any is (hit).</summary>
public sealed record ItemRetrievalScore(int Category, IReadOnlyDictionary<int, double> Recall, IReadOnlyDictionary<int, bool> Hit);
