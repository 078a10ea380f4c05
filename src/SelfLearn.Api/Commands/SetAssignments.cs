using System.Text.Json;

namespace SelfLearn.Api.Commands;

/// <summary>--set key=value: the value is JSON when it parses as JSON (3, true, "x"), else the text itself.</summary>
public static class SetAssignments
{
    public static Dictionary<string, JsonElement> Parse(IEnumerable<string> assignments)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var at = assignment.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
                throw new ArgumentException($"--set takes key=value, got '{assignment}'.");
            values[assignment[..at].Trim()] = Json(assignment[(at + 1)..].Trim());
        }
        return values;
    }

    private static JsonElement Json(string raw)
    {
        try { return JsonDocument.Parse(raw).RootElement.Clone(); }
        catch (JsonException) { return JsonSerializer.SerializeToElement(raw); }
    }
}
