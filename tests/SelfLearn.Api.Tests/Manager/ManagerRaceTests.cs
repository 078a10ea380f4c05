using System.Net;
using System.Text;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Manager;

/// <summary>
/// Concurrent writes to one Manager stream that only one may make (a decision is final; every policy expects version 0):
/// exactly one wins whatever the interleaving, every other gets a 409 ProblemDetails, one event is appended.
/// </summary>
public sealed class ManagerRaceTests(AppFixture fixture) : ApiTest(fixture)
{
    private const int Racers = 6;

    [Fact]
    public async Task Of_racing_approvals_and_declines_of_one_approval_exactly_one_decides_it()
    {
        await Host.RecordRecommendation("rec-raced", "generation.system_prompt_version", "answer-v1", "answer-v2");
        var id = await Host.RequestApproval("rec-raced");

        var (statuses, appended) = await Race(i => (HttpMethod.Post, $"/api/approvals/{id}/{(i % 2 == 0 ? "approve" : "decline")}", """{"reason":"mine"}"""));

        Assert.Equal((1, Racers - 1, 1L), (statuses.Count(s => s == HttpStatusCode.OK), statuses.Count(s => s == HttpStatusCode.Conflict), appended));
    }

    [Fact]
    public async Task Of_racing_first_autonomy_policies_each_expecting_none_exactly_one_is_version_1()
    {
        var (statuses, appended) = await Race(i => (HttpMethod.Put, "/api/deployments/default/autonomy",
            $$"""{"autonomous":[{"key":"retrieval.top_k","max":{{10 + i}}}],"reason":"racer {{i}}","expectedVersion":0}"""));

        Assert.Equal((1, Racers - 1, 1L), (statuses.Count(s => s == HttpStatusCode.OK), statuses.Count(s => s == HttpStatusCode.Conflict), appended));
        Assert.Single((await Host.Get("/api/deployments/default/autonomy/history"))!.AsArray());
    }

    private async Task<(HttpStatusCode[] Statuses, long Appended)> Race(Func<int, (HttpMethod Method, string Url, string Body)> request)
    {
        var before = await Host.EventCount();
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys.MetaUser);
        using var barrier = new Barrier(Racers);

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Task.Run(async () =>
        {
            var (method, url, body) = request(i);
            using var message = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            barrier.SignalAndWait(TestContext.Current.CancellationToken);
            using var response = await client.SendAsync(message);
            Assert.True(response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                $"{(int)response.StatusCode} without a ProblemDetails");
            return response.StatusCode;
        })));
        return (responses, await Host.EventCount() - before);
    }
}
