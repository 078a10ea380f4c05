using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Teacher.Judging.Caching;
using SelfLearn.Api.Teacher;
using SelfLearn.Api.Tests.Infrastructure;
using Spectre.Console;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>judge-calibrate end to end in the app's host: the offline judge over a set file, the report, the cache, and bad input.</summary>
public sealed class JudgeCalibrateCommandTests(AppFixture fixture) : ApiTest(fixture)
{
    private static string TempFile(string name) => Path.Combine(Path.GetTempPath(), $"selflearn-{Guid.NewGuid():N}-{name}");

    private static string SetFile(string? split = null, string? path = null)
    {
        var tag = Guid.NewGuid().ToString("N");
        var items = new JsonArray(
            Item($"s-{tag}", "Which seat do I take on flights?", "The aisle seat.", "[18 August 2026] Ben: On flights I always take the aisle seat.", "the aisle seat", "supported"),
            Item($"u-{tag}", "How many guests is the dinner party for?", "Forty guests.", "[6 June 2026] Farid: We're twelve guests now.", "twelve", "unsupported"),
            Item($"a-{tag}", "Which airline am I loyal to?", "I don't know.", "[3 July 2026] Ana: Quick one.", "Not mentioned in our conversations.", "abstained", answerable: false));
        var file = path ?? TempFile("set.json");
        var set = new JsonObject { ["format"] = "selflearn.judge-calibration/1", ["items"] = items };
        if (split is not null)
            set["split"] = split;
        File.WriteAllText(file, set.ToJsonString());
        return file;
    }

    /// <summary>A tuning file as SetFile, and a held-out file whose supported answer the hand label calls unsupported.</summary>
    private static string SplitFolder()
    {
        var folder = Directory.CreateTempSubdirectory("selflearn-calibration-").FullName;
        SetFile("tuning", Path.Combine(folder, "a.json"));
        var tag = Guid.NewGuid().ToString("N");
        var heldOut = new JsonArray(
            Item($"h-{tag}", "Which seat do I take on flights?", "The aisle seat.", "[18 August 2026] Ben: On flights I always take the aisle seat.", "the aisle seat", "unsupported"),
            Item($"k-{tag}", "Which airline am I loyal to?", "I don't know.", "[3 July 2026] Ana: Quick one.", "Not mentioned in our conversations.", "abstained", answerable: false));
        File.WriteAllText(Path.Combine(folder, "b.json"),
            new JsonObject { ["format"] = "selflearn.judge-calibration/1", ["split"] = "held-out", ["items"] = heldOut }.ToJsonString());
        return folder;
    }

    /// <summary>The id ends the question too, so each set's scores are new to the cache.</summary>
    private static JsonObject Item(string id, string question, string answer, string context, string golden, string label, bool answerable = true) => new()
    {
        ["id"] = id, ["question"] = $"{question} ({id})", ["context"] = new JsonArray(context), ["answer"] = answer,
        ["abstainedFlag"] = answer == "I don't know.", ["goldenAnswer"] = golden, ["answerable"] = answerable, ["label"] = label,
    };

    private Task<int> Calibrate(params string[] args) => JudgeCalibrateCommand.RunAsync(Host.Services, args, CancellationToken.None);

    [Fact]
    public async Task The_offline_judge_is_scored_against_the_set_and_a_second_run_adds_no_cached_score()
    {
        var set = SetFile();
        var output = TempFile("report.json");
        var before = await CachedScores();

        Assert.Equal(0, await Calibrate("--set", set, "--out", output));

        var run = JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        Assert.Equal("offline", run["judge"]!.GetValue<string>());
        Assert.Equal("offline-v2+snowflake-arctic-embed-xs", run["judgeVersion"]!.GetValue<string>());
        Assert.Equal(["supported", "unsupported", "abstained"], run["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        var report = Assert.Single(run["splits"]!.AsArray())!;
        Assert.Equal("unsplit", report["split"]!.GetValue<string>());
        Assert.Equal((3, 3, 0), (report["items"]!.GetValue<int>(), report["judged"]!.GetValue<int>(), report["failed"]!.GetValue<int>()));
        Assert.Equal("[[1,0,0],[0,1,0],[0,0,1]]", report["confusion"]!.ToJsonString());
        Assert.Equal((1.0, 1.0), (report["accuracy"]!.GetValue<double>(), report["kappa"]!.GetValue<double>()));
        Assert.Equal(before + 3, await CachedScores());

        Assert.Equal(0, await Calibrate("--set", set));
        Assert.Equal(before + 3, await CachedScores());
    }

    [Fact]
    public async Task A_set_with_a_tuning_and_a_held_out_file_is_reported_per_split_and_split_picks_one()
    {
        var folder = SplitFolder();
        var output = TempFile("splits.json");

        Assert.Equal(0, await Calibrate("--set", folder, "--out", output));

        var splits = JsonNode.Parse(await File.ReadAllTextAsync(output))!["splits"]!.AsArray();
        Assert.Equal(["tuning", "held-out"], splits.Select(s => s!["split"]!.GetValue<string>()));
        Assert.Equal("[[1,0,0],[0,1,0],[0,0,1]]", splits[0]!["confusion"]!.ToJsonString());
        Assert.Equal(1.0, splits[0]!["accuracy"]!.GetValue<double>());
        Assert.Equal("[[0,0,0],[1,0,0],[0,0,1]]", splits[1]!["confusion"]!.ToJsonString());
        Assert.Equal((2, 0.5), (splits[1]!["items"]!.GetValue<int>(), splits[1]!["accuracy"]!.GetValue<double>()));

        Assert.Equal(0, await Calibrate("--set", folder, "--split", "held-out", "--out", output));

        var only = Assert.Single(JsonNode.Parse(await File.ReadAllTextAsync(output))!["splits"]!.AsArray())!;
        Assert.Equal(("held-out", 2), (only["split"]!.GetValue<string>(), only["items"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("--judge must be one of offline, llm; got 'oracle'.", "--judge", "oracle", "--set", "{set}")]
    [InlineData("unknown flag --sett; judge-calibrate takes --judge, --set, --split and --out.", "--sett", "{set}")]
    [InlineData("the set has no split 'held-out'; its splits: unsplit.", "--set", "{set}", "--split", "held-out")]
    [InlineData("the llm judge needs a language model, but Llm:Provider is offline", "--judge", "llm", "--set", "{set}")]
    [InlineData("no file or folder '/nonexistent/calibration.json'.", "--set", "/nonexistent/calibration.json")]
    public async Task Bad_input_is_refused_with_a_message_and_exit_code_2_and_writes_no_report(string message, params string[] args)
    {
        var output = TempFile("refused.json");
        var set = SetFile();
        var console = new StringWriter();
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console), Ansi = AnsiSupport.No });
        try
        {
            Assert.Equal(JudgeCalibrateCommand.BadInput, await Calibrate([.. args.Select(a => a == "{set}" ? set : a), "--out", output]));
        }
        finally
        {
            AnsiConsole.Console = previous;
        }

        Assert.Contains(message, console.ToString().ReplaceLineEndings("").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    private async Task<long> CachedScores()
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"SELECT count(*) FROM {JudgeCacheSchema.Table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
