using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Edge;

/// <summary>Ids and descriptions have documented lengths; no string in a body passes 8,000 characters.</summary>
public sealed class TextLengthTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly string Megabyte = new('m', 1_000_000);

    [Theory]
    [InlineData("userId")]
    [InlineData("threadId")]
    public async Task A_megabyte_id_in_a_query_is_a_400(string member) =>
        Assert.Equal($"'$.{member}' is longer than 8000 characters.", (await Host.RefusedPost("/maas/v1/query",
            $$"""{"deploymentId":"default","userId":"alice","{{member}}":"{{Megabyte}}","question":"Where is Max?"}""", 400, Keys.Service)).Detail());

    [Theory]
    [InlineData("userId")]
    [InlineData("threadId")]
    public async Task An_id_in_a_query_over_200_characters_is_a_400(string member) =>
        Assert.Equal("ids are at most 200 characters.", (await Host.RefusedPost("/maas/v1/query",
            $$"""{"deploymentId":"default","userId":"alice","{{member}}":"{{new string('i', 201)}}","question":"Where is Max?"}""", 400, Keys.Service)).Detail());

    [Fact]
    public async Task A_megabyte_description_is_a_400_wherever_it_is_sent()
    {
        Assert.Equal("'$.description' is longer than 8000 characters.", (await Host.RefusedPost("/api/impact-factors",
            $$"""{"key":"a.b","type":"int","min":1,"max":5,"step":1,"default":1,"description":"{{Megabyte}}","zone":"auto"}""", 400)).Detail());
        Assert.Equal("'$.description' is longer than 8000 characters.", (await Host.RefusedPost("/api/experiments",
            $$"""{"id":"e","deploymentId":"default","variants":[],"description":"{{Megabyte}}"}""", 400)).Detail());
        Assert.Equal("'$.personas[0].description' is longer than 8000 characters.", (await Host.RefusedPost("/api/datasets",
            $$"""{"format":"selflearn.scenarios/1","name":"tiny","personas":[{"id":"ana","description":"{{Megabyte}}"}]}""", 400)).Detail());
    }

    [Fact]
    public async Task A_description_over_its_own_limit_is_a_400() =>
        Assert.Equal("'description' is longer than 2000 characters.", (await Host.RefusedPost("/api/impact-factors",
            $$"""{"key":"a.b","type":"int","min":1,"max":5,"step":1,"default":1,"description":"{{new string('d', 2001)}}","zone":"auto"}""", 400)).Detail());
}
