using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Seeding;

namespace SelfLearn.Benchmarks.Student.Scaling;

/// <summary>
/// Every question once straight to every node, so each node has loaded the users' indexes and holds every query vector
/// in memory before anything is timed (the first node embeds them with the model, the others find them in
/// PostgreSQL's embedding cache); then a few seconds through the balancer, so its proxy path is compiled too.
/// </summary>
internal static class NodeWarmup
{
    private const int Parallel = 4;
    private static readonly TimeSpan ThroughBalancer = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(IReadOnlyList<(ClusterNode Node, HttpClient Http)> nodes, HttpClient balancer, IReadOnlyList<ScalingQuestion> questions, CancellationToken ct)
    {
        foreach (var (node, http) in nodes)
        {
            var maas = new HttpMaasClient(http);
            await System.Threading.Tasks.Parallel.ForEachAsync(questions, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct },
                async (question, token) =>
                    await maas.QueryAsync(new QueryRequest(SeedDefaults.DefaultDeployment, question.UserId, null, question.Text), token));
            Progress.Log($"warmed {node.Name}: {questions.Count} questions");
        }
        var load = await ClosedLoop.RunAsync(balancer, questions, Parallel, ThroughBalancer, ct);
        if (load.Failed > 0)
            throw new InvalidOperationException($"the warm-up through the balancer failed {load.Failed} time(s): {string.Join("; ", load.FirstErrors)}");
    }
}
