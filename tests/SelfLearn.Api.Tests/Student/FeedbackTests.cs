using System.Text.Json.Nodes;
using Alba;
using SelfLearn.Agents.Maas;
using SelfLearn.Api.Tests.Edge;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Student;

public sealed class FeedbackTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Feedback = "/maas/v1/feedback";

    private async Task<Guid> AliceRunInExperiment()
    {
        await Host.SetUpFeedbackExperimentAsync();
        var answer = await Host.Ask("alice", "Tell me about Max", "exp-fb", "fewer");
        return answer!["runId"]!.GetValue<Guid>();
    }

    /// <summary>How the audit names the service key: its role and the first 8 hex digits of the key's SHA-256.</summary>
    private static readonly string ServiceCaller =
        "service#" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Keys.Service)))[..8];

    private Task<long> FeedbackRows() => Host.Sql<long>("select count(*) from selflearn.run_feedback");

    [Fact]
    public async Task Feedback_on_a_run_is_stored_with_the_runs_experiment_variant_and_config_version()
    {
        var runId = await AliceRunInExperiment();

        var stored = await Host.Post(Feedback, new { runId, userId = "alice", rating = new { stars = 2 }, text = "It forgot the beach.", tags = new[] { "incomplete" } },
            201, Keys.Service);

        var run = await Host.Sql<string>($"select concat_ws('|', deployment_id, config_version, experiment_id, variant, cycle_type) from selflearn.pipeline_runs where run_id = '{runId}'");
        Assert.Equal(run, string.Join('|', stored!["deploymentId"], stored["configVersion"], stored["experimentId"], stored["variant"], stored["cycleType"]));
        Assert.Equal("default|2|exp-fb|fewer|offline", run);
        Assert.Equal(run + $"|alice|2|It forgot the beach.|incomplete|{ServiceCaller}", await Host.Sql<string>($"""
            select concat_ws('|', deployment_id, config_version, experiment_id, variant, cycle_type, user_id, stars, text, array_to_string(tags, ','), caller)
            from selflearn.run_feedback where run_id = '{runId}' and thumbs is null
            """));
        Assert.Equal(2, stored["rating"]!["stars"]!.GetValue<int>());
        Assert.Equal(runId, stored["runId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task A_second_feedback_on_the_same_run_is_a_409_and_the_first_stays()
    {
        var runId = await AliceRunInExperiment();
        await Host.Post(Feedback, new { runId, userId = "alice", rating = new { thumbs = "up" } }, 201, Keys.Service);

        var problem = await Host.RefusedPost(Feedback, $$$"""{"runId":"{{{runId}}}","userId":"alice","rating":{"thumbs":"down"}}""", 409, Keys.Service);

        Assert.Equal($"Run '{runId}' already has feedback; a run is rated once.", problem.Detail());
        Assert.Equal("up", await Host.Sql<string>($"select string_agg(thumbs, ',') from selflearn.run_feedback where run_id = '{runId}'"));
    }

    [Fact]
    public async Task Feedback_on_an_unknown_run_is_a_404_and_writes_nothing()
    {
        await AliceRunInExperiment();
        var unknown = Guid.CreateVersion7();

        var problem = await Host.RefusedPost(Feedback, $$$"""{"runId":"{{{unknown}}}","userId":"alice","rating":{"stars":3}}""", 404, Keys.Service);

        Assert.Equal($"No run '{unknown}' is known; send the runId a query answered with.", problem.Detail());
        Assert.Equal(0L, await FeedbackRows());
    }

    [Fact]
    public async Task A_run_stored_far_from_the_time_its_id_names_is_still_found()
    {
        var runId = await AliceRunInExperiment();
        Assert.Equal(1, await Host.Sql<int>($"with moved as (update selflearn.pipeline_runs set at = at - interval '400 days' where run_id = '{runId}' returning 1) select count(*)::int from moved"));

        await Host.Post(Feedback, new { runId, userId = "alice", rating = new { thumbs = "up" } }, 201, Keys.Service);

        Assert.Equal("fewer|up", await Host.Sql<string>($"select concat_ws('|', variant, thumbs) from selflearn.run_feedback where run_id = '{runId}'"));
    }

    [Theory]
    [InlineData("0192f3a4-5b6c-4d8e-9f01-23456789abcd")]
    [InlineData("ffffffff-ffff-7fff-bfff-ffffffffffff")]
    public async Task An_id_that_names_no_time_or_one_past_the_year_9999_is_an_unknown_run(string unknown)
    {
        await AliceRunInExperiment();

        var problem = await Host.RefusedPost(Feedback, $$$"""{"runId":"{{{unknown}}}","userId":"alice","rating":{"stars":3}}""", 404, Keys.Service);

        Assert.Equal($"No run '{unknown}' is known; send the runId a query answered with.", problem.Detail());
        Assert.Equal(0L, await FeedbackRows());
    }

    [Fact]
    public async Task Feedback_from_another_user_than_the_runs_is_a_403_and_writes_nothing()
    {
        var runId = await AliceRunInExperiment();

        var problem = await Host.RefusedPost(Feedback, $$$"""{"runId":"{{{runId}}}","userId":"bob","rating":{"thumbs":"down"}}""", 403, Keys.Service);

        Assert.Equal($"Run '{runId}' answered another user; only that user can rate it.", problem.Detail());
        Assert.Equal(0L, await FeedbackRows());
    }

    public static TheoryData<string, string> BadRatings => new()
    {
        { """{"stars":0}""", "'rating.stars' is a whole number from 1 to 5." },
        { """{"stars":6}""", "'rating.stars' is a whole number from 1 to 5." },
        { """{"thumbs":"up","stars":4}""", "'rating' has either 'thumbs' or 'stars', not both." },
        { """{}""", "'rating' is required: {\"thumbs\":\"up\"}, {\"thumbs\":\"down\"} or {\"stars\":1..5}." },
        { """{"thumbs":"sideways"}""", "'rating.thumbs' is \"up\" or \"down\"." },
    };

    [Theory]
    [MemberData(nameof(BadRatings))]
    public async Task A_rating_out_of_range_or_of_no_single_kind_is_a_400_and_writes_nothing(string rating, string detail)
    {
        var runId = await AliceRunInExperiment();

        var problem = await Host.RefusedPost(Feedback, $$$"""{"runId":"{{{runId}}}","userId":"alice","rating":{{{rating}}}}""", 400, Keys.Service);

        Assert.Equal(detail, problem.Detail());
        Assert.Equal(0L, await FeedbackRows());
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { """{"runId":"RUN","userId":"alice","rating":{"stars":1},"text":"bad\u0000text"}""", "'$.text' contains U+0000 (NUL), which cannot be stored." },
        { """{"runId":"RUN","userId":"alice","rating":{"thumbs":5}}""", "'$.rating.thumbs' must be a string." },
        { """{"runId":"RUN","userId":"alice","rating":{"stars":"4"}}""", "'$.rating.stars' must be a whole number from -2147483648 to 2147483647." },
        { """{"runId":"not-a-run-id","userId":"alice","rating":{"stars":4}}""", "'$.runId' must be a UUID." },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_nul_character_a_number_for_thumbs_a_string_for_stars_or_a_malformed_run_id_is_a_400_and_writes_nothing(string body, string detail)
    {
        var runId = await AliceRunInExperiment();

        var problem = await Host.RefusedPost(Feedback, body.Replace("RUN", runId.ToString(), StringComparison.Ordinal), 400, Keys.Service);

        Assert.Equal(detail, problem.Detail());
        Assert.Equal(0L, await FeedbackRows());
    }

    [Fact]
    public async Task Oversized_text_too_many_tags_and_a_null_body_are_400s_and_write_nothing()
    {
        var runId = await AliceRunInExperiment();
        var tooLong = new string('x', FeedbackRules.MaxTextLength + 1);
        var elevenTags = string.Join(',', Enumerable.Range(1, 11).Select(i => $"\"t{i}\""));

        Assert.Equal("'text' is at most 2,000 characters.", (await Host.RefusedPost(Feedback,
            $$$"""{"runId":"{{{runId}}}","userId":"alice","rating":{"stars":1},"text":"{{{tooLong}}}"}""", 400, Keys.Service)).Detail());
        Assert.Equal("'tags' holds at most 10 tags.", (await Host.RefusedPost(Feedback,
            $$$"""{"runId":"{{{runId}}}","userId":"alice","rating":{"stars":1},"tags":[{{{elevenTags}}}]}""", 400, Keys.Service)).Detail());
        Assert.Equal("each tag is 1 to 200 characters without control characters.", (await Host.RefusedPost(Feedback,
            $$$"""{"runId":"{{{runId}}}","userId":"alice","rating":{"stars":1},"tags":[""]}""", 400, Keys.Service)).Detail());
        Assert.Equal("The body must be a JSON object.", (await Host.RefusedPost(Feedback, "null", 400, Keys.Service)).Detail());
        Assert.Equal(0L, await FeedbackRows());
    }

    [Fact]
    public async Task The_http_client_sends_feedback_and_reads_the_stored_one_back()
    {
        var runId = await AliceRunInExperiment();
        using var http = Host.Server.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", Keys.Service);
        var client = new HttpMaasClient(http);

        var stored = await client.SendFeedbackAsync(new FeedbackRequest(runId, "alice", new FeedbackRating(Thumbs: "down"), "wrong dog", ["wrong-answer"]));

        Assert.Equal((runId, "alice", "down", (int?)null, "wrong dog", "exp-fb", "fewer", (int?)2),
            (stored.RunId, stored.UserId, stored.Rating.Thumbs, stored.Rating.Stars, stored.Text, stored.ExperimentId, stored.Variant, stored.ConfigVersion));
        Assert.Equal(["wrong-answer"], stored.Tags);
        Assert.Equal(1L, await FeedbackRows());
        var refused = await Assert.ThrowsAsync<MaasException>(() => client.SendFeedbackAsync(new FeedbackRequest(runId, "alice", new FeedbackRating(Stars: 5))));
        Assert.Equal(409, refused.Status);
    }
}
