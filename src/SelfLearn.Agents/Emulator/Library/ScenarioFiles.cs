using System.Text;
using System.Text.Json;
using SelfLearn.Agents.Emulator.Locomo;
using SelfLearn.Agents.Locomo;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library;

/// <summary>
/// A scenario file as read: the validated set, or the first error with its JSON path and no set. <see cref="Skipped"/>
/// lists what a conversion left out; <see cref="SourceFormat"/> is "selflearn.scenarios/1", "locomo" or "unknown".
/// </summary>
public sealed record ScenarioFileResult(ScenarioSet? Set, ScenarioError? Error, IReadOnlyList<string> Skipped, string SourceFormat);

/// <summary>Opens either format a scenario set may come in: the native one (an object with "format") or a LoCoMo file.</summary>
public static class ScenarioFiles
{
    public const string LocomoFormat = "locomo";
    public const string UnknownFormat = "unknown";

    /// <param name="name">The converted set's name; by default "locomo-" and the file name. A native set keeps its own.</param>
    public static ScenarioFileResult Load(string path, string? name = null)
    {
        var bytes = File.ReadAllBytes(path);
        if (JsonSyntax.Check(bytes) is { } syntaxError)
            return Failed(syntaxError, UnknownFormat);

        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out _))
        {
            var (set, error) = ScenarioJson.Parse(Encoding.UTF8.GetString(bytes));
            return new ScenarioFileResult(set, error, [], ScenarioSet.CurrentFormat);
        }
        if (LocomoShape.LooksLikeLocomo(root))
            return FromLocomo(root, name ?? DefaultName(path));
        return Failed(new ScenarioError("$",
            $"is neither a scenario set (a JSON object with \"format\": \"{ScenarioSet.CurrentFormat}\") "
            + "nor a LoCoMo file (a JSON array of samples with \"conversation\" and \"qa\")."), UnknownFormat);
    }

    public static string DefaultName(string path) =>
        ScenarioIds.Sanitize($"locomo-{Path.GetFileNameWithoutExtension(path)}")!;

    private static ScenarioFileResult FromLocomo(JsonElement root, string name)
    {
        if (LocomoShape.Check(root) is { } shapeError)
            return Failed(shapeError, LocomoFormat);
        var conversion = LocomoScenarios.Convert(LocomoDataset.Read(root), name);
        return ScenarioValidator.Validate(conversion.Set) is { } error
            ? new ScenarioFileResult(null, error, conversion.Skipped, LocomoFormat)
            : new ScenarioFileResult(conversion.Set, null, conversion.Skipped, LocomoFormat);
    }

    private static ScenarioFileResult Failed(ScenarioError error, string format) => new(null, error, [], format);
}
