namespace SelfLearn.Benchmarks.Student.Scaling;

/// <summary>What the clients saw in one closed loop: answers, failures, latency, which node answered, the server's stage times.</summary>
internal sealed record LoadResult(
    long Answered, long Failed, IReadOnlyList<string> FirstErrors, double Seconds, double QueriesPerSecond, Latency? Latency,
    IReadOnlyDictionary<string, long> AnsweredByNode, IReadOnlyDictionary<string, double> ServerStageMeanMs);
