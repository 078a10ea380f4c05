using System.Text.Json;
using System.Text.Json.Nodes;
using SelfLearn.Agents.Teacher.Judging;

namespace SelfLearn.Agents.Teacher.Calibration;

/// <summary>One hand-labelled answer of the calibration set (data/judge-calibration/README.md).</summary>
public sealed record CalibrationItem(
    string Id,
    string Question,
    IReadOnlyList<string> Context,
    string Answer,
    bool AbstainedFlag,
    string? GoldenAnswer,
    bool Answerable,
    JudgeLabel Label,
    JsonObject? Source = null,
    string? QuestionKind = null,
    IReadOnlyList<string>? ContextSources = null,
    string? Note = null)
{
    public JudgeInput ToInput() => new(Question, Answer, AbstainedFlag, Context, GoldenAnswer, Answerable);
}

public sealed record CalibrationFile(string Format, IReadOnlyList<CalibrationItem> Items, string? Guide = null, string? Description = null);

/// <summary>A file or folder that is not a calibration set, with the file and what is wrong.</summary>
public sealed class CalibrationSetException(string message) : Exception(message);

/// <summary>Reads a calibration file, or every <c>*.json</c> file of a folder in name order.</summary>
public static class CalibrationSet
{
    public const string Format = "selflearn.judge-calibration/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    public static IReadOnlyList<CalibrationItem> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path]
            : throw new CalibrationSetException($"no file or folder '{path}'.");
        if (files.Length == 0)
            throw new CalibrationSetException($"'{path}' holds no .json calibration file.");

        var items = files.SelectMany(Read).ToList();
        if (items.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new CalibrationSetException($"item id '{twice.Key}' appears more than once.");
        return items;
    }

    private static IReadOnlyList<CalibrationItem> Read(string file)
    {
        CalibrationFile? set;
        try
        {
            set = JsonSerializer.Deserialize<CalibrationFile>(File.ReadAllText(file), Json);
        }
        catch (JsonException e)
        {
            throw new CalibrationSetException($"{Path.GetFileName(file)}: {e.Path} {e.Message}");
        }
        if (set is null || set.Format != Format)
            throw new CalibrationSetException($"{Path.GetFileName(file)}: \"format\" must be \"{Format}\".");
        return set.Items;
    }
}
