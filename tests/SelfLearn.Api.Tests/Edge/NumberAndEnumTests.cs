using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Edge;

/// <summary>Numbers that overflow and enums sent as numbers are 400s whose message speaks JSON, not .NET.</summary>
public sealed class NumberAndEnumTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string AnyDecimal = "must be a number within ±79228162514264337593543950335.";

    [Theory]
    [InlineData("""{"min":1e400,"max":5,"step":1,"reason":"r"}""", "$.min")]
    [InlineData("""{"min":1,"max":79228162514264337593543950336,"step":1,"reason":"r"}""", "$.max")]
    [InlineData("""{"min":1,"max":5,"step":-1e400,"reason":"r"}""", "$.step")]
    public async Task A_bound_beyond_decimal_is_a_400_naming_the_member(string body, string path)
    {
        var problem = await Host.RefusedPost("/api/impact-factors/retrieval.top_k/bounds", body, 400);
        Assert.Equal($"'{path}' {AnyDecimal}", problem.Detail());
        Assert.Equal(path, problem["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bounds_that_would_overflow_the_step_arithmetic_are_refused_by_the_tuner()
    {
        var problem = await Host.RefusedPost("/api/impact-factors",
            """{"key":"a.wide","type":"float","min":-79228162514264337593543950335,"max":79228162514264337593543950335,"step":1,"default":0,"description":"d","zone":"auto"}""", 400);
        Assert.Equal("invalid-definition", problem["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal("min, max and step lie within ±1,000,000,000.", problem["violations"]![0]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1000000001")]
    public async Task A_version_value_beyond_the_magnitude_cap_is_out_of_range(string raw)
    {
        var problem = await Host.RefusedPost("/api/deployments/default/versions", $$"""{"parameters":{"retrieval.top_k":{{raw}}},"reason":"r"}""", 400);
        var violation = Assert.Single(problem["violations"]!.AsArray())!;
        Assert.Equal("out-of-range", violation["rule"]!.GetValue<string>());
        Assert.Equal($"retrieval.top_k = {raw} is beyond ±1,000,000,000.", violation["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/impact-factors/retrieval.top_k/zone", """{"zone":123,"reason":"r"}""", "$.zone", "one of: auto, manual, frozen")]
    [InlineData("/api/impact-factors/retrieval.top_k/zone", """{"zone":"1","reason":"r"}""", "$.zone", "one of: auto, manual, frozen")]
    [InlineData("/api/impact-factors", """{"key":"a.b","type":0,"default":1,"description":"d","zone":"auto"}""", "$.type", "one of: int, float, bool, enum, text")]
    [InlineData("/api/experiments", """{"id":"e","deploymentId":"default","variants":[],"assignmentUnit":1}""", "$.assignmentUnit", "one of: user, thread")]
    public async Task An_enum_sent_as_a_number_is_a_400_listing_the_names(string route, string body, string path, string expected) =>
        Assert.Equal($"'{path}' must be {expected}.", (await Host.RefusedPost(route, body, 400)).Detail());

    [Fact]
    public async Task A_wrong_type_deep_in_the_body_is_named_by_its_path() =>
        Assert.Equal("'$.variants[1].configVersion' must be a whole number from -2147483648 to 2147483647.",
            (await Host.RefusedPost("/api/experiments",
                """{"id":"e","deploymentId":"default","variants":[{"name":"a","configVersion":1},{"name":"b","configVersion":"two"}]}""", 400)).Detail());
}
