using System.Text.Json.Nodes;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Tests.Locomo;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator;

public sealed class ScenarioFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("scenario-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string fileName, string content)
    {
        var path = Path.Combine(_directory, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    private string EditedDevFile(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(LocomoDevFile.Path))!;
        edit(node);
        return Write("edited.json", node.ToJsonString());
    }

    private static ScenarioError Failure(ScenarioFileResult result)
    {
        Assert.Null(result.Set);
        return Assert.IsType<ScenarioError>(result.Error);
    }

    [Fact]
    public void A_LoCoMo_file_is_converted_and_named_after_the_file()
    {
        var result = ScenarioFiles.Load(LocomoDevFile.Path);

        Assert.Null(result.Error);
        Assert.Equal((ScenarioFiles.LocomoFormat, "locomo-locomo-dev", 5), (result.SourceFormat, result.Set!.Name, result.Set.Scenarios.Count));
        Assert.Equal(2, result.Skipped.Count);
    }

    [Fact]
    public void A_converted_set_takes_the_given_name() =>
        Assert.Equal("dev-five", ScenarioFiles.Load(LocomoDevFile.Path, "dev-five").Set!.Name);

    [Fact]
    public void A_native_set_is_parsed_and_validated()
    {
        var written = ScenarioJson.Serialize(ScenarioFiles.Load(LocomoDevFile.Path, "dev-five").Set!);

        var result = ScenarioFiles.Load(Write("native.json", written), "ignored");

        Assert.Equal((ScenarioSet.CurrentFormat, "dev-five"), (result.SourceFormat, result.Set!.Name));
        Assert.Equal(written, ScenarioJson.Serialize(result.Set));
    }

    [Fact]
    public void A_native_set_breaking_a_rule_gives_the_rule_s_path()
    {
        var node = JsonNode.Parse(ScenarioJson.Serialize(ScenarioFiles.Load(LocomoDevFile.Path).Set!))!;
        node["scenarios"]![0]!["personaId"] = "nobody";

        var result = ScenarioFiles.Load(Write("bad.json", node.ToJsonString()));

        Assert.Equal(("$.scenarios[0].personaId", ScenarioSet.CurrentFormat), (Failure(result).Path, result.SourceFormat));
    }

    [Fact]
    public void A_truncated_LoCoMo_file_gives_an_error_with_its_path_and_no_set()
    {
        var text = File.ReadAllText(LocomoDevFile.Path);

        var error = Failure(ScenarioFiles.Load(Write("truncated.json", text[..(text.Length / 2)])));

        Assert.Matches(@"^\$\[\d\]\.", error.Path);
        Assert.StartsWith("is not valid JSON at line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_LoCoMo_sample_missing_a_member_is_named_by_its_path() =>
        Assert.Equal("$[1].conversation.speaker_b", Failure(ScenarioFiles.Load(EditedDevFile(n => n[1]!["conversation"]!.AsObject().Remove("speaker_b")))).Path);

    [Fact]
    public void A_LoCoMo_turn_of_the_wrong_type_is_named_by_its_path() =>
        Assert.Equal("$[0].conversation.session_2[3].text", Failure(ScenarioFiles.Load(EditedDevFile(n => n[0]!["conversation"]!["session_2"]![3]!["text"] = 7))).Path);

    [Fact]
    public void A_LoCoMo_session_date_that_does_not_parse_is_named_by_its_path()
    {
        var error = Failure(ScenarioFiles.Load(EditedDevFile(n => n[0]!["conversation"]!["session_4_date_time"] = "yesterday")));

        Assert.Equal("$[0].conversation.session_4_date_time", error.Path);
        Assert.Contains("'yesterday'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\": \"x\"}")]
    [InlineData("[1, 2]")]
    [InlineData("\"scenarios\"")]
    public void A_file_in_neither_format_says_which_two_are_accepted(string content)
    {
        var result = ScenarioFiles.Load(Write("neither.json", content));
        var error = Failure(result);

        Assert.Equal(("$", ScenarioFiles.UnknownFormat), (error.Path, result.SourceFormat));
        Assert.Contains("\"format\": \"selflearn.scenarios/1\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("LoCoMo file", error.Message, StringComparison.Ordinal);
    }
}
