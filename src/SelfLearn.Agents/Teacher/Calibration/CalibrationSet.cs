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

/// <summary>A calibration file: its items all belong to <c>Split</c> (<see cref="CalibrationSplits"/>; none given: "unsplit").</summary>
public sealed record CalibrationFile(string Format, IReadOnlyList<CalibrationItem> Items, string? Split = null, string? Guide = null, string? Description = null);

/// <summary>A file or folder that is not a calibration set, with the file and what is wrong.</summary>
public sealed class CalibrationSetException(string message) : Exception(message);

/// <summary>Reads a calibration file, or every <c>*.json</c> file of a folder in name order.</summary>
public static class CalibrationSet
{
    public const string Format = "selflearn.judge-calibration/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    public static IReadOnlyList<CalibrationItem> Load(string path) => LoadSplits(path).SelectMany(s => s.Items).ToList();

    /// <summary>The set's items grouped by the split their file declares, in <see cref="CalibrationSplits.Order"/>.</summary>
    public static IReadOnlyList<CalibrationSplit> LoadSplits(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path]
            : throw new CalibrationSetException($"no file or folder '{path}'.");
        if (files.Length == 0)
            throw new CalibrationSetException($"'{path}' holds no .json calibration file.");

        var parts = files.Select(Read).ToList();
        if (parts.SelectMany(p => p.Items).GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new CalibrationSetException($"item id '{twice.Key}' appears more than once.");
        return parts.GroupBy(p => p.Split, StringComparer.Ordinal)
            .Select(g => new CalibrationSplit(g.Key, g.SelectMany(p => p.Items).ToList()))
            .OrderBy(s => s.Name, CalibrationSplits.Order)
            .ToList();
    }

    private static (string Split, IReadOnlyList<CalibrationItem> Items) Read(string file)
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
        if (set.Split is { } split && !CalibrationSplits.IsValidName(split))
            throw new CalibrationSetException($"{Path.GetFileName(file)}: \"split\" must be 1–40 of a-z, 0-9 and '-', starting with a letter or digit; got '{split}'.");
        return (set.Split ?? CalibrationSplits.Unsplit, set.Items);
    }
}
