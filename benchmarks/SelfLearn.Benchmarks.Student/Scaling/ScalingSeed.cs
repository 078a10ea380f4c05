using System.Diagnostics;
using System.Text.Json.Serialization;
using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Seeding;

namespace SelfLearn.Benchmarks.Student.Scaling;

/// <summary>A question the load asks: whose memories it searches and its text.</summary>
internal sealed record ScalingQuestion(string UserId, string Text);

internal sealed record SeedResult(int Users, int Memories, double Seconds, [property: JsonIgnore] IReadOnlyList<ScalingQuestion> Questions)
{
    public int QuestionCount => Questions.Count;
}

/// <summary>
/// The data every cluster queries: each chosen LoCoMo conversation ingested as one user through the MaaS (the
/// balancer, so the passages are embedded by the nodes), once; later clusters find it in PostgreSQL. The questions
/// are every QA item of those conversations, asked of their own user.
/// </summary>
internal static class ScalingSeed
{
    public static async Task<SeedResult> IngestAsync(HttpClient balancer, IReadOnlyList<LocomoConversation> conversations, CancellationToken ct)
    {
        var maas = new HttpMaasClient(balancer);
        var started = Stopwatch.GetTimestamp();
        var memories = 0;
        foreach (var conversation in conversations)
        {
            memories += await LocomoIngestion.IngestAsync(maas, SeedDefaults.DefaultDeployment, conversation, _ => { }, ct);
            Progress.Log($"ingested {conversation.SampleId} as {LocomoIngestion.UserId(conversation)} ({memories} memories so far)");
        }
        var questions = conversations
            .SelectMany(c => c.Questions.Select(q => new ScalingQuestion(LocomoIngestion.UserId(c), q.Question)))
            .ToList();
        return new SeedResult(conversations.Count, memories, Latency.R(Stopwatch.GetElapsedTime(started).TotalSeconds, 1), questions);
    }
}
