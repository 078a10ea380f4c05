using System.Text.Json.Nodes;
using SelfLearn.Domain.Scenarios;
using static SelfLearn.Domain.Tests.Scenarios.SmallScenarioSet;

namespace SelfLearn.Domain.Tests.Scenarios;

public sealed class ScenarioJsonTests
{
    private static string Edited(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(ScenarioJson.Serialize(Set))!;
        edit(node);
        return node.ToJsonString();
    }

    private static ScenarioError ParseError(string json)
    {
        var (set, error) = ScenarioJson.Parse(json);
        Assert.Null(set);
        return Assert.IsType<ScenarioError>(error);
    }

    [Fact]
    public void A_valid_set_round_trips_to_the_same_bytes()
    {
        var written = ScenarioJson.SerializeToUtf8(Set);

        var (set, error) = ScenarioJson.Parse(System.Text.Encoding.UTF8.GetString(written));

        Assert.Null(error);
        Assert.Equal(written, ScenarioJson.SerializeToUtf8(set!));
    }

    [Fact]
    public void A_set_without_seed_or_descriptions_round_trips_with_them_written_as_null()
    {
        var bare = Set with { Seed = null, Description = null, Personas = [Ana with { Description = null }] };
        var written = ScenarioJson.Serialize(bare);

        var (set, error) = ScenarioJson.Parse(written);

        Assert.Null(error);
        Assert.Equal(written, ScenarioJson.Serialize(set!));
        Assert.Contains("\"seed\": null", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\"supersedes\": null", written, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_member_is_an_error_at_its_path()
    {
        var error = ParseError(Edited(n => n["scenarios"]![0]!["mood"] = "sunny"));

        Assert.Equal("$.scenarios[0].mood", error.Path);
        Assert.Equal("'mood' is not a member here.", error.Message);
    }

    [Fact]
    public void A_missing_required_member_is_an_error_naming_it()
    {
        var error = ParseError(Edited(n => n["scenarios"]![0]!.AsObject().Remove("intent")));

        Assert.Equal("$.scenarios[0]", error.Path);
        Assert.Equal("misses required members: intent.", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_an_error_at_its_path()
    {
        var error = ParseError(Edited(n => n["scenarios"]![0]!["sessions"]![0]!["date"] = 42));

        Assert.Equal("$.scenarios[0].sessions[0].date", error.Path);
        Assert.Equal("must be an ISO-8601 timestamp.", error.Message);
    }

    [Fact]
    public void A_parsed_set_is_validated_too()
    {
        var error = ParseError(Edited(n => n["scenarios"]![0]!["personaId"] = "bob"));

        Assert.Equal("$.scenarios[0].personaId", error.Path);
    }

    [Fact]
    public void Broken_json_is_an_error_in_words_of_json() =>
        Assert.DoesNotContain("LineNumber", ParseError("{\"format\": ").Message, StringComparison.Ordinal);

    [Fact]
    public void Null_is_not_a_set() => Assert.Equal("$", ParseError("null").Path);
}
