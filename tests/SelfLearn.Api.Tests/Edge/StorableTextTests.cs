using Marten;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;

namespace SelfLearn.Api.Tests.Edge;

/// <summary>Text PostgreSQL cannot store is refused at the edge, wherever it sits, before anything is written or queued.</summary>
public sealed class StorableTextTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Nul = "contains U+0000 (NUL), which cannot be stored.";
    private const string Surrogate = "contains an unpaired UTF-16 surrogate, which is not Unicode text.";

    [Fact]
    public async Task A_question_holding_NUL_is_a_400_and_leaves_no_pipeline_run()
    {
        var problem = await Host.RefusedPost("/maas/v1/query", """{"deploymentId":"default","userId":"alice","question":"Where\u0000 is Max?"}""", 400, Keys.Service);
        Assert.Equal($"'$.question' {Nul}", problem.Detail());
        Assert.Equal("$.question", problem["path"]!.GetValue<string>());
        Assert.Equal(0L, await Host.Sql<long>("select count(*) from selflearn.pipeline_runs"));
    }

    [Fact]
    public async Task A_memory_holding_NUL_is_a_400_and_nothing_is_stored()
    {
        var problem = await Host.RefusedPost("/maas/v1/memories",
            """{"deploymentId":"default","userId":"alice","items":[{"text":"fine"},{"text":"bad\u0000text"}]}""", 400, Keys.Service);
        Assert.Equal($"'$.items[1].text' {Nul}", problem.Detail());
        await using var session = Fixture.Store.QuerySession();
        Assert.Equal(0, await session.Query<MemoryDocument>().CountAsync());
    }

    [Fact]
    public async Task An_unpaired_surrogate_is_a_400() =>
        Assert.Equal($"'$.reason' {Surrogate}",
            (await Host.RefusedPost("/api/impact-factors/retrieval.top_k/zone", """{"zone":"manual","reason":"half \ud800 a pair"}""", 400)).Detail());

    [Fact]
    public async Task NUL_in_a_free_form_value_or_in_a_property_name_is_a_400()
    {
        Assert.Equal($"'$.default' {Nul}", (await Host.RefusedPost("/api/impact-factors",
            """{"key":"a.mode","type":"text","default":"x\u0000","description":"d","zone":"auto"}""", 400)).Detail());
        Assert.Equal($"A property name in '$.parameters' {Nul}", (await Host.RefusedPost("/api/deployments/default/versions",
            """{"parameters":{"retrieval.top_k\u0000":6},"reason":"r"}""", 400)).Detail());
    }

    [Fact]
    public async Task NUL_in_a_scenario_set_is_a_400_before_the_dataset_parser_runs() =>
        Assert.Equal($"'$.description' {Nul}",
            (await Host.RefusedPost("/api/datasets", """{"format":"selflearn.scenarios/1","name":"tiny","description":"a\u0000b"}""", 400)).Detail());

    [Fact]
    public async Task NUL_in_a_query_string_is_a_400() =>
        Assert.Equal($"query parameter 'asOf' {Nul}",
            (await Host.Refused(HttpMethod.Get, "/api/deployments/default/config?asOf=2026%00", null, 400)).Detail());

    [Fact]
    public async Task A_route_value_or_query_value_over_200_characters_is_a_400()
    {
        Assert.Equal("route value 'userId' is longer than 200 characters.",
            (await Host.Refused(HttpMethod.Delete, $"/maas/v1/users/{new string('u', 201)}", null, 400)).Detail());
        Assert.Equal("query parameter 'deploymentId' is longer than 200 characters.",
            (await Host.Refused(HttpMethod.Delete, $"/maas/v1/users/alice?deploymentId={new string('d', 201)}", null, 400)).Detail());
    }
}
